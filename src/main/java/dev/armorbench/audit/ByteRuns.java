package dev.armorbench.audit;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** Comparing short runs of bytes eight at a time: keys and shared values, checked per line. */
final class ByteRuns {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private ByteRuns() {}

    /** True when {@code line[start, start + run.length)} holds the bytes of {@code run}. */
    static boolean equal(byte[] line, int start, byte[] run) {
        int length = run.length;
        int i = 0;
        for (; i + 8 <= length; i += 8) {
            if ((long) LONGS.get(line, start + i) != (long) LONGS.get(run, i)) {
                return false;
            }
        }
        for (; i < length; i++) {
            if (line[start + i] != run[i]) {
                return false;
            }
        }
        return true;
    }
}
