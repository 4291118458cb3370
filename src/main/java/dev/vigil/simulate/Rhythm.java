package dev.vigil.simulate;

/** How busy people and servers are at a given moment: working hours, lunch, evenings, nights and weekends. */
final class Rhythm {

    private static final long HOUR = 3_600_000_000L;
    private static final long DAY = 24 * HOUR;

    private Rhythm() {
    }

    /** Relative activity of a person, 1 at their busiest. */
    static double person(Account a, long micros) {
        long day = Math.floorDiv(micros, DAY);
        double hour = (double) Math.floorMod(micros, DAY) / HOUR;
        boolean weekend = Math.floorMod(day + 3, 7) >= 5;
        double inHours;
        if (hour < a.dayStart() - 1 || hour > a.dayEnd() + 2) {
            inHours = 0.01;
        } else if (hour < a.dayStart()) {
            inHours = 0.01 + 0.5 * (hour - a.dayStart() + 1);
        } else if (hour > a.dayEnd()) {
            inHours = 0.25 * (a.dayEnd() + 2 - hour) / 2 + 0.01;
        } else if (hour > 12.0 && hour < 13.0) {
            inHours = 0.55;
        } else {
            inHours = 1.0;
        }
        return weekend ? inHours * 0.06 + 0.005 : inHours;
    }

    /** Relative activity of a server: a floor of machine work plus load that follows the office day. */
    static double server(long micros) {
        long day = Math.floorDiv(micros, DAY);
        double hour = (double) Math.floorMod(micros, DAY) / HOUR;
        boolean weekend = Math.floorMod(day + 3, 7) >= 5;
        double office = hour >= 7.5 && hour <= 18.5 ? 1.0 : hour >= 6 && hour <= 20 ? 0.4 : 0.0;
        return 0.3 + 0.7 * (weekend ? office * 0.1 : office);
    }

    static long hours(double h) {
        return (long) (h * HOUR);
    }
}
