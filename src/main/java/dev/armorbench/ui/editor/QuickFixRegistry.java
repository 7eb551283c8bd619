package dev.armorbench.ui.editor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The quick fixes known for each diagnostic code. {@link #standard()} holds the fixes for the policy
 * engine's own diagnostics; a later check registers its fixes under its codes with {@link #register}.
 */
public final class QuickFixRegistry {
    private final Map<String, List<QuickFix>> byCode = new LinkedHashMap<>();

    /** The fixes for the policy language's diagnostics. */
    public static QuickFixRegistry standard() {
        QuickFixRegistry registry = new QuickFixRegistry();
        LanguageFixes.registerAll(registry);
        return registry;
    }

    /** Adds a provider for a diagnostic code; providers of one code are asked in registration order. */
    public QuickFixRegistry register(String code, QuickFix fix) {
        byCode.computeIfAbsent(code, key -> new ArrayList<>()).add(fix);
        return this;
    }

    /**
     * Whether providers are registered for the code; a problem may also bring the engine's own fixes
     * (see {@link Problem#engineFixes()}).
     */
    public boolean hasFixesFor(String code) {
        return byCode.containsKey(code);
    }

    /** Every fix proposed for the problem: the engine's own first, then its providers' in their order. */
    public List<FixProposal> fixesFor(Problem problem, String text) {
        List<FixProposal> fixes = new ArrayList<>(problem.engineFixes());
        for (QuickFix fix : byCode.getOrDefault(problem.code(), List.of())) {
            fixes.addAll(fix.propose(problem, text));
        }
        return fixes;
    }
}
