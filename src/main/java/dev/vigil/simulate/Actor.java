package dev.vigil.simulate;

/**
 * Something that acts repeatedly: a person, a server, a cron daemon. Acting times follow a non-homogeneous Poisson
 * process sampled by thinning, so quiet hours cost a few random draws and no events.
 */
abstract class Actor {

    final Rng rng;
    final Context ctx;
    private final int order;
    private long next;

    Actor(Rng rng, Context ctx, int order) {
        this.rng = rng;
        this.ctx = ctx;
        this.order = order;
    }

    /** Maximum acts per hour, reached when {@link #intensity} is 1. */
    abstract double peakPerHour();

    /** Relative rate in (0, 1] at {@code micros}. */
    abstract double intensity(long micros);

    /** Schedules the events of one act starting at {@code at}. */
    abstract void act(long at);

    long next() {
        return next;
    }

    int order() {
        return order;
    }

    /** Chooses the next acting time after {@code from}, or {@link Long#MAX_VALUE} past the end. */
    void advance(long from) {
        double mean = 3_600_000_000.0 / peakPerHour();
        long t = from;
        long end = ctx.tl().end();
        do {
            t += 1 + (long) rng.exp(mean);
        } while (t < end && rng.unit() > intensity(t));
        next = t < end ? t : Long.MAX_VALUE;
    }

    final void setNext(long at) {
        next = at;
    }
}
