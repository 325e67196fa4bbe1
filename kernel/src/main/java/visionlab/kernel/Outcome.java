package visionlab.kernel;

import java.util.List;

/** What running one cell's Java code gave: a value, nothing, or an error the notebook shows. */
sealed interface Outcome {

    /** The cell ended with an expression; {@code rendered} is its output, rendered in the executor. */
    record Value(Rendered rendered) implements Outcome {
    }

    /** The cell ended with a declaration or statement: no {@code execute_result}. */
    record NoValue() implements Outcome {
    }

    /**
     * The cell failed.
     *
     * @param ename     the error name (the real exception class, or {@code CompileError}, {@code Interrupted},
     *                  {@code ExecutorExited})
     * @param evalue    the message
     * @param traceback the lines the notebook shows (javac diagnostics or trimmed stack frames)
     */
    record Error(String ename, String evalue, List<String> traceback) implements Outcome {
    }
}
