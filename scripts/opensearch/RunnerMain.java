import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;

/**
 * Starts a codelibs "runner" search node (OpenSearchRunner, or
 * ElasticsearchClusterRunner for scripts/elasticsearch) the way the runner's
 * own main() does, except that a failed startup prints its cause.
 *
 * The stock main() catches every exception and calls System.exit(1) without
 * printing anything, so an unknown setting or a port clash would leave a log
 * that just stops. scripts/services.sh compiles this file once with javac
 * and runs:
 *
 *   java -cp <classes>:<runner classpath> RunnerMain <runner class> <runner args...>
 *
 * Plain reflection keeps it free of compile-time dependencies, so the same
 * file serves both runners.
 */
public final class RunnerMain {
    public static void main(final String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: RunnerMain <runner class> [runner args...]");
            System.exit(2);
        }
        final Class<?> type = Class.forName(args[0]);
        final Object runner = type.getConstructor().newInstance();
        final Method build = type.getMethod("build", String[].class);
        final Method isClosed = type.getMethod("isClosed");
        final Method close = type.getMethod("close");

        // SIGTERM (services.sh stop) runs this: closes the node cleanly.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                close.invoke(runner);
            } catch (final Exception e) {
                e.printStackTrace();
            }
        }));

        try {
            build.invoke(runner, (Object) Arrays.copyOfRange(args, 1, args.length));
        } catch (final InvocationTargetException e) {
            System.err.println("Search node failed to start:");
            e.getCause().printStackTrace();
            System.exit(1);
        }

        while (!(Boolean) isClosed.invoke(runner)) {
            Thread.sleep(1000);
        }
    }
}
