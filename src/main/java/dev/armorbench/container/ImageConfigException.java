package dev.armorbench.container;

/** An image configuration or Dockerfile that cannot be read; the message says what to do. */
public final class ImageConfigException extends Exception {
    private static final long serialVersionUID = 1L;

    public ImageConfigException(String message) {
        super(message);
    }
}
