package visionlab.motion;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/** A temporary file or folder beside the target, moved into place on commit, deleted otherwise. */
final class TempOutput {

    final Path target;
    final Path temp;
    private boolean done;

    private TempOutput(Path target, Path temp) {
        this.target = target;
        this.temp = temp;
    }

    static TempOutput file(Path target) {
        return create(target, false);
    }

    static TempOutput folder(Path target) {
        return create(target, true);
    }

    private static TempOutput create(Path target, boolean folder) {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        try {
            Files.createDirectories(dir);
            String prefix = "." + abs.getFileName() + ".";
            Path t = folder ? Files.createTempDirectory(dir, prefix) : Files.createTempFile(dir, prefix, ".part");
            return new TempOutput(abs, t);
        } catch (IOException e) {
            throw new UncheckedIOException("creating a temporary file beside " + target, e);
        }
    }

    /** Moves the temporary output onto the target (replacing it). */
    void commit() {
        try {
            if (Files.isDirectory(temp)) {
                Path old = null;
                if (Files.exists(target)) {
                    old = Files.createTempDirectory(temp.getParent(), "." + target.getFileName() + ".old.");
                    Files.delete(old);
                    Files.move(target, old);
                }
                Files.move(temp, target);
                if (old != null) {
                    deleteTree(old);
                }
            } else {
                try {
                    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            done = true;
        } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
            throw new IllegalArgumentException("file: cannot replace " + target + " (" + e + ")", e);
        } catch (IOException e) {
            throw new UncheckedIOException("moving " + temp + " to " + target, e);
        }
    }

    /** Deletes the temporary output unless committed. */
    void discard() {
        if (!done) {
            done = true;
            try {
                deleteTree(temp);
            } catch (IOException e) {
                // best effort: a leftover hidden ".part" file is not the target
            }
        }
    }

    private static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> s = Files.walk(p)) {
            for (Path q : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(q);
            }
        }
    }
}
