package dev.armorbench.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Loads {@code dev.armorbench} classes from one build's folder (a {@code target/classes}), child
 * first, and one class of the benchmarks from the benchmarks' own bytes, so that it links to that
 * build's code: how the side-by-side benchmarks run two builds in one JVM. Libraries come from the
 * JVM's own class path.
 */
final class BuildLoader extends URLClassLoader {
    private final String ownClass;

    private BuildLoader(Path classes, Class<?> ownClass) throws MalformedURLException {
        super(new URL[] {classes.toUri().toURL()}, ownClass.getClassLoader());
        this.ownClass = ownClass.getName();
    }

    /**
     * A new instance of {@code type} (a benchmark class with a constructor taking {@code
     * argumentTypes}) defined anew against the build in {@code classes}, as the interface it
     * implements.
     */
    static <T> T instance(Path classes, Class<? extends T> type, Class<T> asType, Class<?>[] argumentTypes,
            Object... arguments) throws ReflectiveOperationException, IOException {
        if (!Files.isRegularFile(classes.resolve("dev/armorbench/audit/LogLineParser.class"))) {
            throw new IllegalArgumentException("no LogLineParser.class under " + classes + ": compile that build first");
        }
        BuildLoader loader = new BuildLoader(classes, type);
        Constructor<?> constructor = loader.loadClass(type.getName()).getDeclaredConstructor(argumentTypes);
        constructor.setAccessible(true);
        return asType.cast(constructor.newInstance(arguments));
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        synchronized (getClassLoadingLock(name)) {
            Class<?> loaded = findLoadedClass(name);
            if (loaded == null && name.equals(ownClass)) {
                byte[] code = ownBytes(name);
                loaded = defineClass(name, code, 0, code.length);
            } else if (loaded == null && name.startsWith("dev.armorbench.")) {
                loaded = findClass(name);
            }
            if (loaded == null) {
                return super.loadClass(name, resolve);
            }
            if (resolve) {
                resolveClass(loaded);
            }
            return loaded;
        }
    }

    private byte[] ownBytes(String name) {
        String resource = name.replace('.', '/') + ".class";
        try (InputStream in = getParent().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no " + resource + " on the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
