package ffnlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code help}, {@code --help} and {@code -h}: for the tool and for every command, several lines on stdout, exit
 * status 0, the launcher's syntax and the Maven syntax in blocks of their own; a command that does not exist is one
 * line naming the closest command, exit status 2.
 */
class HelpTest {
    private record Result(int status, String out, String err) {
    }

    private static Result main(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void theToolsHelpListsEveryCommand() {
        for (String[] args : List.of(new String[] {"help"}, new String[] {"--help"}, new String[] {"-h"})) {
            Result r = main(args);
            assertEquals(0, r.status(), String.join(" ", args) + ": " + r.err());
            assertEquals("", r.err());
            assertTrue(r.out().startsWith("ffnlab: "), r.out());
            for (String command : Help.commands()) {
                assertTrue(r.out().lines().anyMatch(l -> l.startsWith("  " + command + " ")), command + " missing in\n" + r.out());
            }
            assertTrue(r.out().contains("\n  mvn -q compile exec:java -Dexp=NAME "), r.out());
        }
    }

    @Test
    void everyCommandHasItsOwnHelpInTwoSyntaxes() {
        for (String command : Help.commands()) {
            List<String[]> asked = List.of(new String[] {"help", command}, new String[] {command, "--help"}, new String[] {command, "-h"},
                    command.equals("help") ? new String[] {"--help", "help"} : new String[] {command, "width-sweep", "--threads", "2", "-h"});
            for (String[] args : asked) {
                String label = String.join(" ", args);
                Result r = main(args);
                assertEquals(0, r.status(), label + ": " + r.err());
                assertEquals("", r.err(), label);
                List<String> lines = r.out().lines().toList();
                assertTrue(lines.size() >= 5, label + ":\n" + r.out());
                assertTrue(lines.getFirst().startsWith("usage: ffnlab " + command), label + ":\n" + r.out());
                int maven = lines.indexOf("with Maven, in the project folder:");
                assertTrue(maven > 0, label + ": no Maven block in\n" + r.out());
                List<String> launcherBlock = lines.subList(0, maven);
                assertFalse(launcherBlock.stream().anyMatch(l -> l.contains("-D") || l.contains("mvn")), label + ": Maven syntax in\n" + r.out());
                List<String> mavenBlock = lines.subList(maven + 1, lines.size());
                assertTrue(mavenBlock.getFirst().startsWith("  mvn -q compile exec:java -D"), label + ":\n" + r.out());
                assertFalse(mavenBlock.stream().anyMatch(l -> l.matches(".*(^|\\s|\\[)--\\w.*") && !l.contains("-Dexec.args=")),
                        label + ": launcher syntax in the Maven block:\n" + r.out());
            }
        }
    }

    @Test
    void everyOptionTheHelpShowsIsOneTheCommandLineReads() {
        Map<String, String> values = new java.util.HashMap<>(Map.ofEntries(Map.entry("--profile", "smoke"),
                Map.entry("--set", "training.epochs=2"), Map.entry("--threads", "2"), Map.entry("--experiments", "e"),
                Map.entry("--results", "r"), Map.entry("--executor", "local"), Map.entry("--slurm", "partition=short"),
                Map.entry("--experiment", "toy"), Map.entry("--id", "abc"), Map.entry("--format", "json"),
                Map.entry("--out", "toy.json")));
        values.put("--variant", "v");
        values.put("--baseline", "model.hidden=64");
        for (String option : Help.options()) {
            String command = List.of("--format", "--out").contains(option) ? "results" : option.equals("--baseline") ? "compare" : "check";
            List<String> args = new ArrayList<>(List.of(command, "toy", option));
            if (values.containsKey(option)) {
                args.add(values.get(option));
            }
            CommandLine cl = CommandLine.parse(args.toArray(String[]::new));
            assertEquals(command, cl.command(), args.toString());
        }
    }

    @Test
    void anUnknownCommandIsOneLineWithTheClosestCommandAndStatusTwo() {
        Result typo = main("rnu", "width-sweep");
        assertEquals(2, typo.status());
        assertEquals("", typo.out());
        assertEquals(List.of("ffnlab: unknown command 'rnu'; did you mean 'run'? (ffnlab help lists the commands)"), typo.err().lines().toList());
        Result help = main("help", "valdate");
        assertEquals(2, help.status());
        assertEquals(List.of("ffnlab: unknown command 'valdate'; did you mean 'validate'? (ffnlab help lists the commands)"),
                help.err().lines().toList());
        Result far = main("frobnicate");
        assertEquals(2, far.status());
        assertEquals(List.of("ffnlab: unknown command 'frobnicate'; expected one of " + String.join(", ", Help.commands())), far.err().lines().toList());
    }

    @Test
    void aMisspeltOptionNamesTheClosestOneAndTheCommandsHelp() {
        Result r = main("run", "toy", "--thread", "2");
        assertEquals(2, r.status());
        assertEquals(List.of("ffnlab: unknown option --thread; did you mean --threads? (ffnlab help run)"), r.err().lines().toList());
    }
}
