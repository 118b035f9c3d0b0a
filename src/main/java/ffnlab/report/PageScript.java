package ffnlab.report;

/**
 * The few lines of inline JavaScript a report page carries, so it needs no server and no network: tables marked
 * {@code class="sortable"} sort on a click on a header (numbers numerically, by a cell's {@code data-sort} when it has
 * one; text alphabetically; a second click reverses) and get a text box that filters their rows; a hover circle of a
 * plot ({@code .ffn-pt}) shows its {@code <title>} in a box beside the pointer. Without JavaScript the tables read as
 * they were written and the browser still shows each circle's title.
 */
final class PageScript {
    private PageScript() {
    }

    static final String JS = """
            (function(){
            function key(td){var s=td.getAttribute('data-sort');return s!==null?s:td.textContent.trim();}
            function num(s){var x=parseFloat(s);return /^[-+]?(\\d|\\.\\d|inf|nan|n\\/a)/i.test(s)?(isNaN(x)?Infinity:x):NaN;}
            document.querySelectorAll('table.sortable').forEach(function(t){
             var body=t.tBodies[0];if(!body)return;
             var box=document.createElement('input');box.type='search';box.className='ffn-filter';
             box.placeholder='filter rows';box.setAttribute('aria-label','filter the rows of this table');
             var at=t.closest('.scroll')||t;at.parentNode.insertBefore(box,at);
             box.addEventListener('input',function(){var q=box.value.toLowerCase();
              Array.from(body.rows).forEach(function(r){r.hidden=q!==''&&r.textContent.toLowerCase().indexOf(q)<0;});});
             Array.from(t.tHead.rows[0].cells).forEach(function(th,c){
              th.tabIndex=0;th.classList.add('ffn-sort');
              function sort(){
               var rows=Array.from(body.rows),keys=rows.map(function(r){return r.cells[c]?key(r.cells[c]):'';});
               var numeric=keys.every(function(k){return k===''||!isNaN(num(k));});
               var dir=th.getAttribute('aria-sort')==='ascending'?-1:1;
               Array.from(th.parentNode.cells).forEach(function(h){h.removeAttribute('aria-sort');});
               th.setAttribute('aria-sort',dir>0?'ascending':'descending');
               var order=rows.map(function(r,i){return i;});
               order.sort(function(a,b){var x=keys[a],y=keys[b];
                if((x==='')!==(y===''))return x===''?1:-1;
                var d=numeric?num(x)-num(y):x.localeCompare(y,undefined,{numeric:true});
                return dir*(d||0)||a-b;});
               order.forEach(function(i){body.appendChild(rows[i]);});}
              th.addEventListener('click',sort);
              th.addEventListener('keydown',function(e){if(e.key==='Enter'||e.key===' '){e.preventDefault();sort();}});});});
            var tip=document.createElement('div');tip.className='ffn-tip';tip.hidden=true;document.body.appendChild(tip);
            document.addEventListener('mousemove',function(e){
             var c=e.target.closest&&e.target.closest('.ffn-pt');
             if(!c){tip.hidden=true;return;}
             tip.textContent=c.querySelector('title').textContent;tip.hidden=false;
             var x=e.clientX+14,y=e.clientY+14;
             if(x+tip.offsetWidth>innerWidth-4)x=e.clientX-14-tip.offsetWidth;
             if(y+tip.offsetHeight>innerHeight-4)y=e.clientY-14-tip.offsetHeight;
             tip.style.left=x+'px';tip.style.top=y+'px';});
            })();
            """;

    /** The script element, placed at the end of the body. */
    static String element() {
        return "<script>" + JS + "</script>\n";
    }
}
