package dev.armorbench.e2e;

/**
 * The guest could not be built, booted or brought to the end of its workload. The message says
 * what happened and where the logs are kept.
 */
public final class GuestFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    GuestFailure(String message) {
        super(message);
    }

    GuestFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
