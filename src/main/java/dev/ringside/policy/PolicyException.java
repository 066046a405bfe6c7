package dev.ringside.policy;

import java.util.List;

/** A policy could not be loaded; every call must then be denied. Carries every problem found. */
public final class PolicyException extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient List<LocatedProblem> problems;

    public PolicyException(List<LocatedProblem> problems) {
        super(summary(inFileOrder(problems)));
        this.problems = inFileOrder(problems);
    }

    private static List<LocatedProblem> inFileOrder(List<LocatedProblem> problems) {
        return problems.stream()
                .sorted(java.util.Comparator.comparingInt(LocatedProblem::line).thenComparingInt(LocatedProblem::column))
                .toList();
    }

    public List<LocatedProblem> problems() {
        return problems;
    }

    private static String summary(List<LocatedProblem> problems) {
        if (problems.isEmpty()) return "policy is invalid";
        String first = problems.getFirst().toString();
        int more = problems.size() - 1;
        return more == 0 ? first : first + " (and " + more + " more problem" + (more == 1 ? "" : "s") + ")";
    }
}
