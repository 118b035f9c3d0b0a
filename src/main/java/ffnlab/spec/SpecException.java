package ffnlab.spec;

import java.util.List;
import java.util.stream.Collectors;

/** Every problem found in an experiment, reported at once; the message is one line per problem. */
public final class SpecException extends RuntimeException {
    private final transient List<Problem> problems;

    public SpecException(List<Problem> problems) {
        super(problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
