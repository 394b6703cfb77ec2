package coach.kam.cli;

import coach.kam.store.StoreException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Checks the data folder before the store opens it, so that a folder this user may not write
 * (a new Docker volume is root's) stops the start with a message naming the folder, its owner and
 * mode, and the way out, instead of a bare error from deep inside the store.
 */
final class DataFolder {
    private DataFolder() {
    }

    static void check(Path dir) {
        Path folder = dir.toAbsolutePath();
        Path existing = folder;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return;
        }
        if (!Files.isDirectory(existing)) {
            throw new StoreException("the data folder " + folder + " cannot be used: " + existing + " is a file", null);
        }
        Path store = folder.resolve("kam-coach.db");
        if (!Files.isWritable(existing) && !existing.equals(folder)) {
            throw refused(folder, existing, "cannot be created: " + existing + " is not writable");
        }
        if (existing.equals(folder) && (!Files.isWritable(folder) || !Files.isExecutable(folder))) {
            throw refused(folder, folder, "is not writable");
        }
        if (Files.exists(store) && (!Files.isReadable(store) || !Files.isWritable(store))) {
            throw refused(folder, store, "has the store " + store + ", which is not readable and writable");
        }
    }

    private static StoreException refused(Path folder, Path culprit, String what) {
        return new StoreException("the data folder " + folder + " " + what + " by this user ("
                + user() + "; " + culprit + " " + owner(culprit) + "). Give the folder to this user (chown -R "
                + uid() + " " + folder + ") or set KAM_DATA_DIR to a folder it may write.", null);
    }

    private static String owner(Path p) {
        try {
            PosixFileAttributes a = Files.readAttributes(p, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            Object uid = Files.getAttribute(p, "unix:uid");
            return "belongs to " + a.owner().getName() + " (uid " + uid + "), mode "
                    + PosixFilePermissions.toString(a.permissions());
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "has other permissions";
        }
    }

    private static String user() {
        return "user " + System.getProperty("user.name") + ", uid " + uid();
    }

    private static String uid() {
        try {
            return String.valueOf(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "?";
        }
    }
}
