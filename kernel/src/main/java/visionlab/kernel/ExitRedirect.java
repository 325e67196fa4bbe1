package visionlab.kernel;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Rewrites a class file so its {@code System.exit(int)} calls go to {@link SystemExitCall#exit(int)}: the
 * constant pool gets a new class entry and every {@code Methodref java/lang/System.exit:(I)V} points to it
 * (same name and descriptor, so no instruction changes). Used for cell code where no SecurityManager can
 * veto exit (Java 24+). It covers calls written in cells; library code or {@code Runtime.exit/halt} are not
 * rewritten.
 */
final class ExitRedirect {

    private static final byte[] SYSTEM = "java/lang/System".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] EXIT = "exit".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] INT_TO_VOID = "(I)V".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] TARGET = SystemExitCall.class.getName().replace('.', '/').getBytes(StandardCharsets.US_ASCII);

    private ExitRedirect() {
    }

    /** The rewritten class file, or {@code classFile} itself when it has no {@code System.exit} call. */
    static byte[] redirect(byte[] classFile) {
        byte[] b = classFile;
        if (b.length < 10 || u2(b, 0) != 0xCAFE || u2(b, 2) != 0xBABE) {
            return b;
        }
        int count = u2(b, 8);
        int[] offset = new int[count];
        int[] tag = new int[count];
        int pos = 10;
        for (int i = 1; i < count; i++) {
            offset[i] = pos;
            tag[i] = b[pos] & 0xff;
            switch (tag[i]) {
                case 1 -> pos += 3 + u2(b, pos + 1);
                case 3, 4, 9, 10, 11, 12, 17, 18 -> pos += 5;
                case 5, 6 -> {
                    pos += 9;
                    i++; // a long or double takes two slots
                }
                case 7, 8, 16, 19, 20 -> pos += 3;
                case 15 -> pos += 4;
                default -> {
                    return b; // a constant kind this reader does not know: leave the class alone
                }
            }
        }
        int poolEnd = pos;
        List<Integer> calls = new ArrayList<>();
        for (int i = 1; i < count; i++) {
            if (tag[i] == 10) {
                int cls = u2(b, offset[i] + 1);
                int nat = u2(b, offset[i] + 3);
                if (tag[cls] == 7 && utf8Is(b, offset, tag, u2(b, offset[cls] + 1), SYSTEM) && tag[nat] == 12
                        && utf8Is(b, offset, tag, u2(b, offset[nat] + 1), EXIT)
                        && utf8Is(b, offset, tag, u2(b, offset[nat] + 3), INT_TO_VOID)) {
                    calls.add(offset[i]);
                }
            }
        }
        if (calls.isEmpty() || count + 2 > 0xffff) {
            return b;
        }
        byte[] added = new byte[3 + TARGET.length + 3];
        added[0] = 1;
        put2(added, 1, TARGET.length);
        System.arraycopy(TARGET, 0, added, 3, TARGET.length);
        added[3 + TARGET.length] = 7;
        put2(added, 4 + TARGET.length, count); // the new Utf8 entry gets index count
        byte[] out = new byte[b.length + added.length];
        System.arraycopy(b, 0, out, 0, poolEnd);
        System.arraycopy(added, 0, out, poolEnd, added.length);
        System.arraycopy(b, poolEnd, out, poolEnd + added.length, b.length - poolEnd);
        put2(out, 8, count + 2);
        for (int at : calls) {
            put2(out, at + 1, count + 1); // the Methodref's class: the new Class entry
        }
        return out;
    }

    private static boolean utf8Is(byte[] b, int[] offset, int[] tag, int index, byte[] expected) {
        if (index <= 0 || index >= tag.length || tag[index] != 1) {
            return false;
        }
        int at = offset[index];
        int len = u2(b, at + 1);
        return len == expected.length && Arrays.equals(b, at + 3, at + 3 + len, expected, 0, len);
    }

    private static int u2(byte[] b, int at) {
        return ((b[at] & 0xff) << 8) | (b[at + 1] & 0xff);
    }

    private static void put2(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 8);
        b[at + 1] = (byte) v;
    }
}
