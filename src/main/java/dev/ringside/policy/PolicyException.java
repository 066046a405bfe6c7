package dev.ringside.policy;

import java.util.List;

/** A policy could not be loaded; every call must then be denied. Carries every problem found. */
public final class PolicyException extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient List<PolicyProblem> problems;

    public PolicyException(List<PolicyProblem> problems) {
        super(summary(inFileOrder(problems)));
        this.problems = inFileOrder(problems);
    }

    private static List<PolicyProblem> inFileOrder(List<PolicyProblem> problems) {
        return problems.stream()
                .sorted(java.util.Comparator.comparingInt(PolicyProblem::line).thenComparingInt(PolicyProblem::column))
                .toList();
    }

    public List<PolicyProblem> problems() {
        return problems;
    }

    private static String summary(List<PolicyProblem> problems) {
        if (problems.isEmpty()) return "policy is invalid";
        String first = problems.getFirst().toString();
        int more = problems.size() - 1;
        return more == 0 ? first : first + " (and " + more + " more problem" + (more == 1 ? "" : "s") + ")";
    }
}
