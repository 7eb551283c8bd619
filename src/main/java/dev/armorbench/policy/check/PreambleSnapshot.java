package dev.armorbench.policy.check;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What reading one include at the very top of a policy (nearly always {@code tunables/global})
 * leaves behind: its variables and findings. It depends only on the file, so it is computed once
 * per run and copied into every policy that starts with the same include.
 */
record PreambleSnapshot(Map<String, List<String>> sets, Map<String, Boolean> booleans, Map<String, Object> sites,
        Set<Object> additions, Set<Path> includes, List<Diagnostic> diagnostics, Map<String, List<String>> expansions) {

    static Map<String, List<String>> deepCopy(Map<String, List<String>> sets) {
        Map<String, List<String>> copy = new HashMap<>(sets.size() * 2);
        sets.forEach((name, values) -> copy.put(name, new ArrayList<>(values)));
        return copy;
    }
}
