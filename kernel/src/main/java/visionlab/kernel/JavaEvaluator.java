package visionlab.kernel;

import java.io.ByteArrayInputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShellException;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Completeness;
import jdk.jshell.UnresolvedReferenceException;

/**
 * Java on JShell: the kernel compiles (and completes, and inspects); the executor JVM loads and runs. A cell
 * is split into snippets with {@code analyzeCompletion}, each snippet is evaluated in order, and the value of
 * a final expression is rendered in the executor, beside the object, into its MIME bundle. Not thread-safe:
 * one cell at a time.
 */
final class JavaEvaluator implements AutoCloseable {

    /** The executor JVM ended (exit, halt, crash, or killed): this evaluator cannot run more cells. */
    static final class ExecutorGone extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ExecutorGone(String message) {
            super(message);
        }
    }

    /** Class name of the error the kernel throws into a cell it stops. */
    static final String STOPPED = ExecutorAgent.CellStopped.class.getName();

    private final Executor executor;
    private final JShell shell;
    private final SourceCodeAnalysis analysis;
    private final ResultWaiter results;
    /** Where each snippet id came from: {cell ordinal, first line of the snippet in its cell (0-based)}. */
    private final Map<String, int[]> snippetLines = new HashMap<>();
    private int cellOrdinal;
    private volatile boolean stopRequested;
    private volatile boolean finishing;

    /** Waits for the executor's end-of-cell frame (it carries the cell's rendered value). */
    interface ResultWaiter {
        /** Blocks until the result frame {@code seq} arrived; throws {@link ExecutorGone} if the executor ended. */
        Outcome await(int seq);
    }

    /**
     * A JShell whose execution engine is {@code executor}; the compiler gets the executor's class path (the
     * executor already has it) and the given import lines are evaluated.
     */
    JavaEvaluator(Executor executor, ResultWaiter results, List<String> imports, PrintStream log) {
        this.results = results;
        this.executor = executor;
        shell = build(JShell.builder()
                .executionEngine(executor.provider(), Map.of())
                .in(new ByteArrayInputStream(new byte[0]))
                .out(log)
                .err(log));
        Trace.mark("JShell built");
        analysis = shell.sourceCodeAnalysis();
        importAll(shell, imports, log);
    }

    /**
     * Builds a JShell whose compiler sees the executor's class path only, read by {@link ClassPathFileManager}.
     * JShell's compiler starts from this JVM's {@code java.class.path} (read as the JShell is built) and can only
     * add to it: with the kernel's protocol, ZeroMQ and resolver jars on it, javac opened about 35 jars the
     * executor does not have, and a cell could compile against a class that then failed with
     * {@code NoClassDefFoundError}. The property holds the executor's class path while the JShell is built (so
     * that JShell's later {@code addToClasspath} extends that path); the kernel's own code reads
     * {@link Executor#KERNEL_CLASS_PATH} instead.
     */
    static JShell build(JShell.Builder builder) {
        synchronized (JavaEvaluator.class) {
            String kernel = System.getProperty("java.class.path");
            String executor = Executor.classPath();
            System.setProperty("java.class.path", executor);
            try {
                return builder.fileManager(ClassPathFileManager.mapping(executor)).build();
            } finally {
                System.setProperty("java.class.path", kernel);
            }
        }
    }

    /** The first line of the start-up import snippet: it imports nothing (Notebook has no member types). */
    static final String IMPORTS_MARKER = "import visionlab.kernel.Notebook.*;";

    /**
     * Evaluates the start-up imports as one import snippet, so that the start compiles once instead of once per
     * import (19 of them: JDK packages, the library's packages, the display functions). JShell puts an import snippet's whole source into
     * the wrapper of every later snippet, so each line of this one is in effect as if evaluated alone. JShell keys
     * an import snippet by its first import, which is {@link #IMPORTS_MARKER}: a learner who imports
     * {@code java.util.*} again adds a snippet instead of replacing this one. If JShell rejects the combined
     * snippet, each import is evaluated on its own.
     */
    static void importAll(JShell shell, List<String> imports, PrintStream log) {
        String all = IMPORTS_MARKER + "\n" + String.join("\n", imports);
        List<SnippetEvent> events = shell.eval(all);
        if (events.size() == 1 && events.get(0).status() == Snippet.Status.VALID
                && events.get(0).snippet().kind() == Snippet.Kind.IMPORT) {
            return;
        }
        for (SnippetEvent e : events) {
            if (e.status().isActive()) {
                shell.drop(e.snippet());
            }
        }
        log.println("visionlab kernel: the combined start-up imports were not taken; importing one by one");
        for (String imp : imports) {
            for (SnippetEvent e : shell.eval(imp)) {
                if (e.status() == Snippet.Status.REJECTED) {
                    log.println("visionlab kernel: startup snippet rejected: " + imp);
                }
            }
        }
    }

    /** Adds jars or class folders (separated by the path separator) for later cells, to the compiler and the executor. */
    void addToClasspath(String path) {
        try {
            shell.addToClasspath(path);
        } catch (IllegalStateException e) {
            throw new ExecutorGone("JShell ended: " + e.getMessage());
        }
    }

    /** No further snippet of the running cell starts (an interrupt arrived). */
    void requestStop() {
        stopRequested = true;
    }

    /**
     * Evaluates a cell; stops at the first error. Runs user code on the calling thread. The cell's value is
     * that of a final expression written without a semicolon ({@code x * 2}); {@code x = 2;} shows nothing.
     */
    Outcome eval(String cell) {
        stopRequested = false;
        try {
            Outcome o = evalSnippets(cell);
            boolean wantValue = o instanceof Outcome.Value;
            int seq = cellOrdinal;
            return finish(seq, wantValue, o);
        } catch (IllegalStateException e) {
            throw new ExecutorGone("JShell ended: " + e.getMessage());
        }
    }

    /** Ends the cell in the executor: its text is flushed, its value rendered; both arrive before this returns. */
    private Outcome finish(int seq, boolean wantValue, Outcome o) {
        finishing = true;
        try {
            executor.control().extensionCommand(ExecutorAgent.FINISH, new int[]{seq, wantValue ? 1 : 0});
            Outcome r = results.await(seq);
            Trace.mark("cell finished in the executor");
            return wantValue ? r : o;
        } catch (jdk.jshell.spi.ExecutionControl.ExecutionControlException e) {
            throw new ExecutorGone("the executor did not answer: " + e);
        } finally {
            finishing = false;
        }
    }

    /** True while the executor renders the cell's value (the kernel cannot stop that; it can end the executor). */
    boolean finishing() {
        return finishing;
    }

    private Outcome evalSnippets(String cell) {
        int ordinal = ++cellOrdinal;
        String remaining = cell;
        int consumed = 0;
        Outcome last = new Outcome.NoValue();
        while (true) {
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(remaining);
            if (info.completeness() == Completeness.EMPTY) {
                return last;
            }
            if (stopRequested) {
                return interrupted();
            }
            String source = info.source();
            String rest = info.remaining();
            if (!info.completeness().isComplete() || source == null) {
                // an unfinished snippet (open brace, missing parenthesis): let javac describe it
                source = remaining;
                rest = "";
            }
            String region = remaining.substring(0, remaining.length() - rest.length());
            // javac positions count from the start of the source we pass (leading blank lines included);
            // JShell's stack-trace line numbers count from its first non-blank line
            int sourceStart = source.startsWith(region.substring(0, Math.min(region.length(), 1))) ? consumed
                    : consumed + leadingBlank(region);
            int firstLine = lineOf(cell, consumed + leadingBlank(region));
            consumed += region.length();
            remaining = rest;
            // the cell's value: a final expression the user left without a semicolon ("x * 2", not "x = 2;")
            boolean wantsValue = !source.strip().endsWith(";");
            last = evalSnippet(cell, source, sourceStart, firstLine, ordinal, wantsValue);
            if (last instanceof Outcome.Error) {
                return last;
            }
        }
    }

    private static int leadingBlank(String s) {
        int i = 0;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private Outcome evalSnippet(String cell, String source, int start, int firstLine, int ordinal, boolean wantsValue) {
        if (wantsValue && mayBeValueExpression(source)) {
            Outcome o = evalValue(source, firstLine, ordinal);
            if (o != null) {
                return o;
            }
        }
        List<SnippetEvent> events = shell.eval(source);
        Trace.mark("snippet compiled and run");
        Outcome result = new Outcome.NoValue();
        for (SnippetEvent e : events) {
            if (e.causeSnippet() != null) {
                continue; // an update of a dependent snippet, not this one
            }
            Snippet snippet = e.snippet();
            snippetLines.put(snippet.id(), new int[]{ordinal, firstLine});
            if (e.status() == Snippet.Status.REJECTED) {
                return compileError(cell, snippet, start);
            }
            if (e.exception() != null) {
                return runtimeError(e.exception(), ordinal);
            }
            if (wantsValue && isExpression(snippet)) {
                result = new Outcome.Value(null); // rendered by the executor at the end of the cell
            }
        }
        if (!executor.alive()) {
            throw new ExecutorGone("the executor ended during the snippet");
        }
        return result;
    }

    /**
     * Runs a final expression as the block {@code { ExecutorAgent.cellValue(expr); }} (on one line, so line
     * numbers in stack traces stay those of the cell). Null when JShell rejects that form (a void call, a
     * declaration, a lambda without a target type): the caller then evaluates the source as written, which
     * gives JShell's own diagnostics. A rejected snippet never runs, so nothing happens twice.
     */
    private Outcome evalValue(String source, int firstLine, int ordinal) {
        List<SnippetEvent> events = shell.eval("{ " + CELL_VALUE + source.strip() + "\n); }");
        Trace.mark("value snippet compiled and run");
        for (SnippetEvent e : events) {
            if (e.causeSnippet() != null) {
                continue;
            }
            if (e.status() == Snippet.Status.REJECTED) {
                return null;
            }
            snippetLines.put(e.snippet().id(), new int[]{ordinal, firstLine});
            if (e.exception() != null) {
                return runtimeError(e.exception(), ordinal);
            }
        }
        if (!executor.alive()) {
            throw new ExecutorGone("the executor ended during the snippet");
        }
        return new Outcome.Value(null); // rendered by the executor at the end of the cell
    }

    private static final String CELL_VALUE = ExecutorAgent.class.getName() + ".cellValue(";
    private static final java.util.regex.Pattern NOT_A_VALUE = java.util.regex.Pattern.compile(
            "(?s)(class|interface|enum|record|import|if|for|while|do|try|switch|synchronized|return|throw|break|continue"
                    + "|public|private|protected|static|final|abstract|sealed|var|void|boolean|byte|char|short|int|long"
                    + "|float|double)\\b.*|[{@].*|System\\s*\\.\\s*(out|err)\\s*\\.\\s*print.*");

    /** False for sources that cannot be a value (declarations, statements, printing), to skip a doomed compile. */
    static boolean mayBeValueExpression(String source) {
        return !NOT_A_VALUE.matcher(source.strip()).matches();
    }

    /** The error of a cell the kernel stopped. */
    static Outcome.Error interrupted() {
        return new Outcome.Error("Interrupted", "the cell was interrupted",
                List.of("Interrupted: the cell was interrupted (the stop button or an interrupt request)"));
    }

    private static boolean isExpression(Snippet s) {
        return s.kind() == Snippet.Kind.EXPRESSION
                || (s.kind() == Snippet.Kind.VAR && s.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND);
    }

    private static int lineOf(String text, int offset) {
        int line = 0;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private Outcome compileError(String cell, Snippet snippet, int start) {
        List<String> lines = new ArrayList<>();
        String first = null;
        for (Diag d : (Iterable<Diag>) shell.diagnostics(snippet)::iterator) {
            if (!d.isError()) {
                continue;
            }
            // JShell's wrapper class has no name a learner would know: drop javac's "location: class " line
            String msg = d.getMessage(Locale.ROOT).replaceAll("\\n\\s*location: class\\s*(?=\\n|$)", "");
            int pos = (int) Math.max(0, d.getPosition() == Diag.NOPOS ? 0 : d.getPosition());
            int from = (int) (d.getStartPosition() == Diag.NOPOS ? pos : d.getStartPosition());
            int to = (int) (d.getEndPosition() == Diag.NOPOS ? pos + 1 : d.getEndPosition());
            int cellPos = Math.min(cell.length(), start + from);
            int lineStart = cell.lastIndexOf('\n', Math.max(0, cellPos - 1)) + 1;
            if (cellPos < lineStart) {
                lineStart = cellPos;
            }
            int lineEnd = cell.indexOf('\n', lineStart);
            if (lineEnd < 0) {
                lineEnd = cell.length();
            }
            int line = lineOf(cell, lineStart) + 1;
            int column = cellPos - lineStart + 1;
            String header = "line " + line + ", column " + column + ": " + msg;
            if (first == null) {
                first = header;
            }
            lines.add(header);
            lines.add("    " + cell.substring(lineStart, lineEnd));
            int spanFrom = Math.max(lineStart, start + from);
            int spanTo = Math.min(lineEnd, Math.max(spanFrom + 1, start + to));
            lines.add("    " + " ".repeat(Math.max(0, spanFrom - lineStart)) + "^"
                    + "~".repeat(Math.max(0, spanTo - spanFrom - 1)));
        }
        if (first == null) {
            first = "the snippet was rejected";
            lines.add(first);
        }
        return new Outcome.Error("CompileError", first, lines);
    }

    private Outcome runtimeError(JShellException ex, int ordinal) {
        if (ex instanceof UnresolvedReferenceException u) {
            String what = u.getSnippet().toString();
            return new Outcome.Error("UnresolvedReference",
                    "this uses a declaration that cannot run until what it needs is defined: " + what,
                    List.of("UnresolvedReference: " + what));
        }
        EvalException ee = (EvalException) ex;
        if (STOPPED.equals(ee.getExceptionClassName())) {
            return interrupted();
        }
        return new Outcome.Error(className(ee.getExceptionClassName()), message(ee), traceback(ee, ordinal));
    }

    /** The class name a learner recognizes: a class declared in a cell ("REPL.$JShell$12$MyError") is "MyError". */
    static String className(String n) {
        return n.startsWith("REPL.") ? n.substring(n.lastIndexOf('$') + 1) : n;
    }

    /** The exception's message ("null" when it had none: JShell then sends its class name). */
    private static String message(EvalException e) {
        String m = e.getMessage();
        return m == null || m.equals(e.getExceptionClassName()) ? "null" : m;
    }

    /** At most this many frames per exception in a traceback (a stack overflow has thousands). */
    static final int MAX_FRAMES = 30;

    /** The exception line and its frames in cells and in the library (not JShell's or the JDK's own). */
    List<String> traceback(EvalException t, int ordinal) {
        List<String> lines = new ArrayList<>();
        Throwable cur = t;
        String prefix = "";
        int depth = 0;
        while (cur instanceof EvalException e && depth++ < 5) {
            String msg = message(e);
            lines.add(prefix + className(e.getExceptionClassName()) + (msg.equals("null") ? "" : ": " + msg));
            int headerAt = lines.size();
            int hidden = 0;
            int shown = 0;
            StackTraceElement[] st = e.getStackTrace();
            for (StackTraceElement f : st) {
                String line = null;
                if (f.getFileName() != null && f.getFileName().startsWith("#")) {
                    line = "    at " + cellFrame(f, ordinal);
                } else if (f.getClassName().startsWith("visionlab.") && !f.getClassName().startsWith("visionlab.kernel.")) {
                    line = "    at " + f;
                } else {
                    hidden++;
                }
                if (line != null && shown++ < MAX_FRAMES) {
                    lines.add(line);
                }
            }
            if (shown > MAX_FRAMES) {
                lines.add("    ... " + (shown - MAX_FRAMES) + " more frames");
            }
            if (hidden > 0 && lines.size() == headerAt) {
                // an exception thrown inside the JDK: show its top frames so the message makes sense
                for (int i = 0; i < Math.min(3, st.length); i++) {
                    lines.add("    at " + st[i]);
                }
            }
            cur = cur.getCause();
            prefix = "Caused by: ";
        }
        return lines;
    }

    private String cellFrame(StackTraceElement f, int ordinal) {
        String m = f.getMethodName();
        String method = m == null || m.isEmpty() || m.equals("do_it$") ? "" : " in " + m + "()";
        int[] where = snippetLines.get(f.getFileName().substring(1));
        if (where != null && f.getLineNumber() > 0) {
            int line = where[1] + f.getLineNumber();
            return (where[0] == ordinal ? "cell line " + line : "an earlier cell, line " + line) + method;
        }
        return "cell code" + method;
    }

    /** Completion candidates at {@code cursor}; {@code anchor[0]} receives where the replaced text starts. */
    List<String> complete(String code, int cursor, int[] anchor) {
        List<String> out = new ArrayList<>();
        for (SourceCodeAnalysis.Suggestion s : analysis.completionSuggestions(code, cursor, anchor)) {
            if (!out.contains(s.continuation())) {
                out.add(s.continuation());
            }
        }
        return out;
    }

    /** Signature and Javadoc of what is at {@code cursor}, or null. */
    String documentation(String code, int cursor) {
        List<SourceCodeAnalysis.Documentation> docs = analysis.documentation(code, cursor, true);
        if (docs.isEmpty()) {
            // the cursor is right after a method name ("Math.max|"): ask as if the call were opened
            String opened = code.substring(0, cursor) + "(";
            docs = analysis.documentation(opened, opened.length(), true);
        }
        if (docs.isEmpty()) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        for (SourceCodeAnalysis.Documentation d : docs) {
            sb.append(d.signature()).append('\n');
            if (d.javadoc() != null && !d.javadoc().isBlank()) {
                sb.append(d.javadoc().strip()).append("\n");
            }
            sb.append('\n');
        }
        return sb.toString().strip();
    }

    /** "complete", "invalid", or "incomplete" followed by a newline and the indent for the next line. */
    String isComplete(String code) {
        String remaining = code;
        while (true) {
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(remaining);
            switch (info.completeness()) {
                case EMPTY:
                    return "complete";
                case COMPLETE:
                case COMPLETE_WITH_SEMI:
                    remaining = info.remaining();
                    break;
                case UNKNOWN:
                    return "invalid";
                default: // DEFINITELY_INCOMPLETE, CONSIDERED_INCOMPLETE
                    return "incomplete\n" + "    ".repeat(Math.max(1, openBraces(code)));
            }
        }
    }

    private static int openBraces(String code) {
        int depth = 0;
        for (char c : code.toCharArray()) {
            if (c == '{' || c == '(') {
                depth++;
            } else if ((c == '}' || c == ')') && depth > 0) {
                depth--;
            }
        }
        return depth;
    }

    @Override
    public void close() {
        shell.close();
    }
}
