package dev.ringside.cluster.kill;

/** A step's read-back found the cluster not (yet) in the state the step promises, or an attempt ran out of time. */
final class StepNotConfirmed extends Exception {
    StepNotConfirmed(String message) {
        super(message);
    }
}
