package dev.armorbench.suggest;

import dev.armorbench.audit.EventKind;

/** Which mask of an event names what the rule must allow. */
final class Masks {
    private Masks() {
    }

    /**
     * A denial asks for what was denied (part of the request may have been allowed already);
     * an allowed (complain-mode) event for what was requested. Null when there is no mask, or
     * when a denial names a request but nothing denied.
     */
    static String wanted(EventKind kind, String requested, String denied) {
        if (kind == EventKind.DENIED) {
            // A denial that names a request but no denied part says nothing a rule could add.
            return denied != null && !denied.isBlank() ? denied : null;
        }
        return requested != null && !requested.isBlank() ? requested : denied;
    }
}
