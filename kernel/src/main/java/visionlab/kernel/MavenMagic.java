package visionlab.kernel;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * {@code %maven [--repo URL] group:artifact:version...}: resolves the artifacts and their runtime
 * dependencies ({@link MavenResolver}), then hands the jars that are not yet on the class path to the
 * kernel's one "add to the class path" function. Everything is resolved before anything is added, so a
 * failure adds nothing. A jar whose artifact is already on the class path in another version (the
 * kernel's own jars included) is not added and the conflict is reported: the class loader would use the
 * first version and silently shadow the second; the dependencies only it needs are not added either.
 * Coordinates already added are not resolved again.
 */
final class MavenMagic {

    static final String USAGE = "%maven [--repo URL] group:artifact:version...";
    /** A line a notebook cell can copy (EJML: matrices; 8 jars, 1.7 MB). */
    static final String EXAMPLE = "%maven org.ejml:ejml-simple:0.46.1";

    private final MavenResolver resolver;
    private final Supplier<List<Path>> classPath;
    private final ClassPathArtifacts onClassPath = new ClassPathArtifacts();
    private final List<String> repositories = new ArrayList<>();
    private final Set<String> added = new LinkedHashSet<>();

    /** {@code classPath}: the entries on the class path of cells now (read again at each {@code %maven}). */
    MavenMagic(MavenResolver resolver, Supplier<List<Path>> classPath) {
        this.resolver = resolver;
        this.classPath = classPath;
    }

    /**
     * Runs one {@code %maven} line: prints what was added (jar count, total size), what was already there
     * and, on {@code err}, each version conflict; {@code addJars} receives the new jars, once, after all
     * of them were resolved.
     */
    void run(String arg, Consumer<List<Path>> addJars, PrintStream out, PrintStream err) {
        List<String> repos = new ArrayList<>(repositories);
        List<String> coordinates = parse(arg, repos);
        List<String> fresh = coordinates.stream().filter(c -> !added.contains(c)).distinct().toList();
        if (coordinates.isEmpty() || fresh.isEmpty()) {
            keepRepositories(repos, out);
            if (!coordinates.isEmpty()) {
                out.println("%maven: " + String.join(", ", coordinates) + " already added; nothing to do");
            }
            return;
        }
        classPath.get().forEach(onClassPath::scan);
        Plan plan = new Plan(fresh.stream().map(MavenResolver::key).toList());
        List<MavenResolver.Jar> jars;
        try {
            jars = resolver.resolve(fresh, repos, out, plan::choose);
        } catch (MavenResolver.ResolutionException e) {
            throw new Magics.MagicException("MavenError", "%maven: " + e.getMessage());
        }
        if (Thread.currentThread().isInterrupted()) {
            throw new Magics.MagicException("Interrupted", "%maven was interrupted; nothing was added");
        }
        plan.conflicts.forEach(err::println);
        if (!plan.unreached.isEmpty()) {
            err.println("%maven: not added either, needed only by " + String.join(", ", plan.conflicting) + ": "
                    + String.join(", ", plan.unreached));
        }
        List<Path> toAdd = jars.stream().map(MavenResolver.Jar::file).toList();
        long bytes = toAdd.stream().mapToLong(MavenMagic::sizeOf).sum();
        addJars.accept(toAdd);
        jars.forEach(j -> onClassPath.record(j.key(), j.version(), j.file()));
        added.addAll(fresh);
        keepRepositories(repos, out);
        String names = String.join(", ", toAdd.stream().map(p -> p.getFileName().toString()).toList());
        out.println("%maven " + String.join(" ", fresh) + ": added " + toAdd.size() + (toAdd.size() == 1 ? " jar" : " jars")
                + " (" + size(bytes) + ") to the class path" + (toAdd.isEmpty() ? "" : ": " + names));
        if (!plan.present.isEmpty()) {
            out.println("already on the class path: " + String.join(", ", plan.present));
        }
    }

    /** The coordinates of a {@code %maven} line; its {@code --repo} URLs are appended to {@code repos}. */
    private static List<String> parse(String arg, List<String> repos) {
        String[] tokens = arg.isBlank() ? new String[0] : arg.strip().split("\\s+");
        if (tokens.length == 0) {
            throw new Magics.MagicException("MagicError", "%maven: expected coordinates, got nothing; usage: "
                    + USAGE + ", e.g. " + EXAMPLE);
        }
        List<String> coordinates = new ArrayList<>();
        for (int i = 0; i < tokens.length; i++) {
            String t = tokens[i];
            if (t.equals("--repo") || t.startsWith("--repo=")) {
                String url = t.equals("--repo") ? (i + 1 < tokens.length ? tokens[++i] : "") : t.substring(7);
                if (!url.matches("(?i)(https?|file)://\\S+")) {
                    throw new Magics.MagicException("MagicError", "%maven --repo: expected an http(s):// or file:// URL, got '"
                            + url + "'");
                }
                if (!repos.contains(url)) {
                    repos.add(url);
                }
            } else if (t.startsWith("-")) {
                throw new Magics.MagicException("MagicError", "%maven: unknown option " + t + "; usage: " + USAGE);
            } else {
                try {
                    MavenResolver.artifact(t);
                } catch (IllegalArgumentException e) {
                    throw new Magics.MagicException("MagicError", "%maven: " + e.getMessage());
                }
                coordinates.add(t);
            }
        }
        return coordinates;
    }

    /**
     * What to download: the graph walked from the requested artifacts, where an artifact already on the
     * class path (in any version) ends the walk, so neither it nor what only it needs is added.
     */
    private final class Plan {
        final List<String> roots;
        final List<String> present = new ArrayList<>();
        final List<String> conflicting = new ArrayList<>();
        final List<String> conflicts = new ArrayList<>();
        final List<String> unreached = new ArrayList<>();

        Plan(List<String> roots) {
            this.roots = roots;
        }

        Set<String> choose(List<MavenResolver.Jar> graph) {
            Map<String, MavenResolver.Jar> byKey = new LinkedHashMap<>();
            graph.forEach(j -> byKey.put(j.key(), j));
            Deque<String> todo = new ArrayDeque<>(roots);
            Set<String> seen = new LinkedHashSet<>();
            Set<String> chosen = new LinkedHashSet<>();
            while (!todo.isEmpty()) {
                MavenResolver.Jar j = byKey.get(todo.poll());
                if (j == null || !seen.add(j.key())) {
                    continue;
                }
                ClassPathArtifacts.Entry there = onClassPath.find(j.key());
                if (there == null) {
                    chosen.add(j.key());
                    todo.addAll(j.dependencies());
                } else if (there.version().equals(j.version())) {
                    present.add(j.coordinates());
                } else {
                    conflicting.add(j.coordinates());
                    conflicts.add("%maven: version conflict: " + j.coordinates() + " is needed, but " + j.key() + ":"
                            + there.version() + " is already on the class path (" + there.source()
                            + "); classes load from the first jar, so " + j.version() + " is not added and "
                            + there.version() + " is used");
                }
            }
            // what only the conflicting artifacts need: reachable from them, not from what is added
            Deque<String> theirs = new ArrayDeque<>();
            conflicting.forEach(c -> theirs.addAll(byKey.get(MavenResolver.key(c)).dependencies()));
            while (!theirs.isEmpty()) {
                MavenResolver.Jar j = byKey.get(theirs.poll());
                if (j != null && seen.add(j.key())) {
                    unreached.add(j.coordinates());
                    theirs.addAll(j.dependencies());
                }
            }
            return chosen;
        }
    }

    /** Keeps the repositories of a line that succeeded for the later {@code %maven} lines. */
    private void keepRepositories(List<String> repos, PrintStream out) {
        for (String url : repos) {
            if (!repositories.contains(url)) {
                repositories.add(url);
                out.println("%maven: repository " + url + " added (searched after Maven Central) for later %maven lines");
            }
        }
    }

    private static long sizeOf(Path file) {
        try {
            return java.nio.file.Files.size(file);
        } catch (java.io.IOException e) {
            return 0;
        }
    }

    /** Bytes as "812 B", "35.2 kB", "1.4 MB". */
    static String size(long bytes) {
        if (bytes < 1000) {
            return bytes + " B";
        }
        if (bytes < 1_000_000) {
            return String.format(Locale.ROOT, "%.1f kB", bytes / 1e3);
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }
}
