package dev.armorbench.suggest;

/** Where events logged under a complain-mode learning label {@code P//null-…} go. */
public enum LearningLabels {
    /** To {@code P}, the profile that exec'd: what the program needs is added where it runs next. */
    TO_EXECUTING_PROFILE,
    /** To a hat {@code ^null-…} of {@code P}, as aa-logprof's own log-to-profile tests write them. */
    AS_HAT
}
