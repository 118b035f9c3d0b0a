package ffnlab.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ffnlab.spec.Overrides;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VariantNameTest {

    private static String derive(String set) {
        return VariantName.derive(Overrides.parse(set, "-Dset"));
    }

    @Test
    void aVariantIsNamedAfterItsOverridesByTheKeysLastSegment() {
        assertEquals("lr=0.01", derive("training.lr=0.01"));
        assertEquals("seeds=1+2,lr=0.05", derive("training.lr=0.05,seeds=[1,2]"), "sorted by key, list items joined by +");
        assertEquals("seeds=1+2,lr=0.05", derive("seeds=[1, 2],training.lr=0.05"), "the order given does not matter");
        assertNull(VariantName.derive(Map.of()), "no overrides: the experiment as written");
    }

    @Test
    void keysSharingTheirLastSegmentKeepTheirFullNames() {
        assertEquals("sweep.grid.training.lr=0.1+0.2,training.lr=0.05", derive("training.lr=0.05,sweep.grid.training.lr=[0.1,0.2]"));
    }

    @Test
    void aLongNameIsShortenedStablyAndStaysSafe() {
        Map<String, ffnlab.spec.Node> many = new LinkedHashMap<>(Overrides.parse(
                "training.lr=0.001,training.epochs=123,training.batch_size=64,model.hidden=[32,32,32],seeds=[1,2,3,4,5]", "-Dset"));
        String name = VariantName.derive(many);
        assertTrue(name.length() <= VariantName.MAX_LENGTH, name);
        assertEquals(name, VariantName.check(name));
        assertEquals(name, VariantName.derive(Map.copyOf(many)));
        assertTrue(name.matches("hidden=32\\+32\\+32,seeds=1\\+2\\+3\\+4\\+5,batch_size=64,.*-[0-9a-f]{8}"), name);
    }

    @Test
    void aGivenNameMustBeSafeAsAFolderName() {
        assertEquals("lr-low", VariantName.check("lr-low"));
        for (String bad : new String[] {"", "../x", "a/b", "a b", "x:y", "-x", "a@b", "a".repeat(VariantName.MAX_LENGTH + 1)}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> VariantName.check(bad), bad);
            assertTrue(e.getMessage().startsWith("variant: expected"), e.getMessage());
        }
    }

    @Test
    void theResultsNameCombinesProfileAndVariant() {
        assertEquals("width-sweep", RunOptions.resultsName("width-sweep", null, null));
        assertEquals("width-sweep-smoke@lr=0.01", RunOptions.resultsName("width-sweep", "smoke", "lr=0.01"));
        assertEquals("width-sweep@lr=0.01", RunOptions.resultsName("width-sweep", "default", "lr=0.01"));
    }
}
