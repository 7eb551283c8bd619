package dev.armorbench.trial;

/** Which of a container's output streams a piece of text came from. */
public enum OutputChannel { STDOUT, STDERR }
