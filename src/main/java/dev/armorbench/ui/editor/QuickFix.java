package dev.armorbench.ui.editor;

import java.util.List;

/**
 * Proposes fixes for the diagnostics of one code. Registered in a {@link QuickFixRegistry} under that
 * code, so checks added later (the container checks, for example) bring their own fixes without the
 * editor changing.
 */
@FunctionalInterface
public interface QuickFix {
    /**
     * @param problem the diagnostic, in the document's coordinates
     * @param text the whole document as the problem was found in
     * @return the fixes, best first; empty when none applies to this instance
     */
    List<FixProposal> propose(Problem problem, String text);
}
