package ffnlab.spec;

import ffnlab.UserError;
import java.util.List;
import java.util.stream.Collectors;

/** Every problem found in an experiment, reported at once; the message is one line per problem. */
public final class SpecException extends UserError {
    private final transient List<Problem> problems;

    public SpecException(List<Problem> problems) {
        this(List.copyOf(problems), problems.isEmpty() ? new Mark(null, 0, 0) : problems.getFirst().mark());
    }

    private SpecException(List<Problem> problems, Mark first) {
        super(first.source(), first.line(), first.column(), problems.stream().map(Problem::toString).collect(Collectors.joining("\n")),
                null);
        this.problems = problems;
    }

    public List<Problem> problems() {
        return problems;
    }

    @Override
    public int problemCount() {
        return problems.size();
    }
}
