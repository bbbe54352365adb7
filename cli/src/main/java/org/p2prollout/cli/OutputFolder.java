package org.p2prollout.cli;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.p2prollout.core.InvalidInputException;
import org.p2prollout.core.InputText;

/**
 * Output locations of the commands ({@code --out}): checked before any work, and written all or
 * nothing.
 *
 * <p>{@link #check} runs first, so that a suite is not run for an hour to find that its report
 * cannot be written: the path must be non-empty, must not be an existing file (or device), must
 * not lie under {@code /dev}, {@code /proc} or {@code /sys}, and its nearest existing ancestor
 * must be a writable folder.
 *
 * <p>{@link #write} gives the command a staging folder next to the target (a hidden sibling in
 * the nearest existing ancestor, so on the same file system); only when every file is written is
 * the staging folder renamed to the target (one atomic rename when the target does not exist), or
 * its files moved into the existing target one rename each (files of an earlier run that this run
 * does not write are left alone). A failure deletes the staging folder: the target is as before.
 */
final class OutputFolder {
    private static final List<Path> NOT_STORAGE = List.of(Path.of("/dev"), Path.of("/proc"), Path.of("/sys"));

    private final Path target;
    private final Path staging;

    private OutputFolder(Path target, Path staging) {
        this.target = target;
        this.staging = staging;
    }

    /** A body writing the command's files into {@code folder}. */
    interface Body<T> {
        T write(OutputFolder folder, Path stagingDir) throws IOException;
    }

    /**
     * Checks {@code dir} as an output folder given with {@code option}; returns it.
     *
     * @throws InvalidInputException when it cannot be one (exit 2, one line)
     */
    static Path check(String option, Path dir) {
        if (dir == null) {
            return null;
        }
        checkedPath(option, dir, true);
        return dir;
    }

    /** Checks {@code file} as an output file given with {@code option} (not a folder, not a device); returns it. */
    static Path checkFile(String option, Path file) {
        if (file == null) {
            return null;
        }
        checkedPath(option, file, false);
        return file;
    }

    private static Path checkedPath(String option, Path p, boolean folder) {
        if (p.toString().isBlank()) {
            throw new InvalidInputException(option + " must name a folder or file, got '" + InputText.printable(p.toString())
                    + "' (an empty path would write into the current folder; give '.' to mean it)");
        }
        Path abs = p.toAbsolutePath().normalize();
        for (Path root : NOT_STORAGE) {
            if (abs.startsWith(root)) {
                throw new InvalidInputException(option + " " + shown(p) + " is under " + root
                        + ", which holds devices or kernel files, not output; give a folder on disk");
            }
        }
        if (folder && Files.exists(abs) && !Files.isDirectory(abs)) {
            throw new InvalidInputException(option + " " + shown(p) + " exists and is not a folder; give a folder path");
        }
        if (!folder && Files.isDirectory(abs)) {
            throw new InvalidInputException(option + " " + shown(p) + " is a folder; give a file path");
        }
        if (!folder && Files.exists(abs) && !Files.isRegularFile(abs)) {
            throw new InvalidInputException(option + " " + shown(p) + " exists and is not a regular file; give a file path");
        }
        Path existing = folder || !Files.exists(abs) ? abs : abs.getParent();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null || !Files.isDirectory(existing) || !Files.isWritable(existing)) {
            throw new InvalidInputException(option + " " + shown(p) + ": " + (existing == null ? "no existing ancestor"
                    : shown(existing) + (Files.isDirectory(existing) ? " is not writable" : " is not a folder")));
        }
        return abs;
    }

    private static String shown(Path p) {
        return InputText.quote(p.toString());
    }

    /** Writes the folder {@code dir} all or nothing: {@code body} writes into a staging folder. */
    static <T> T write(String option, Path dir, Body<T> body) throws IOException {
        Path abs = check(option, dir).toAbsolutePath().normalize();
        Path anchor = abs;
        while (!Files.exists(anchor)) {
            anchor = anchor.getParent();
        }
        Path base = anchor.equals(abs) ? abs : anchor;
        Path staging = Files.createDirectory(base.resolve("." + abs.getFileName() + ".staging-"
                + Long.toUnsignedString(System.nanoTime(), 36)));
        OutputFolder folder = new OutputFolder(abs, staging);
        try {
            T result = body.write(folder, staging);
            folder.publish();
            return result;
        } catch (IOException | RuntimeException | Error e) {
            deleteTree(staging);
            throw e;
        }
    }

    /** Where {@code stagedPath} (a path inside the staging folder) is once published. */
    Path published(Path stagedPath) {
        Path rel = staging.relativize(stagedPath.toAbsolutePath().normalize());
        return target.resolve(rel);
    }

    /** {@link #published} of each. */
    List<Path> published(List<Path> stagedPaths) {
        List<Path> out = new ArrayList<>(stagedPaths.size());
        for (Path p : stagedPaths) {
            out.add(published(p));
        }
        return out;
    }

    private void publish() throws IOException {
        if (!Files.exists(target)) {
            Files.createDirectories(target.getParent());
            try {
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
                return;
            } catch (AtomicMoveNotSupportedException e) {
                // fall through to moving file by file
            }
            Files.createDirectories(target);
        }
        List<Path> files;
        try (Stream<Path> s = Files.walk(staging)) {
            files = s.filter(Files::isRegularFile).toList();
        }
        // every destination is checked before the first move, so that a conflict publishes nothing
        for (Path f : files) {
            Path to = target.resolve(staging.relativize(f));
            if (Files.isDirectory(to) || (Files.exists(to) && !Files.isRegularFile(to))) {
                throw new InvalidInputException("cannot write " + shown(to) + ": a folder or special file of that name"
                        + " is in the way; nothing was written to " + shown(target));
            }
        }
        for (Path f : files) {
            Path to = target.resolve(staging.relativize(f));
            Files.createDirectories(to.getParent());
            try {
                Files.move(f, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(f, to, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        deleteTree(staging);
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
