package dev.vigil.simulate;

import java.util.List;

/**
 * A person with their habits: where they work, when, what they run and which sites they visit.
 *
 * @param name       sAMAccountName / Linux login
 * @param sid        Windows SID
 * @param uid        Linux uid
 * @param admin      whether they do IT administration
 * @param home       their workstation, or null when they have none
 * @param homeIp     the residential address they use the cloud console from outside the office
 * @param apps       indexes into {@link Catalog#APPS}, their usual programs
 * @param sites      indexes into {@link Catalog#SITES}, their usual web destinations
 * @param dayStart   usual start of work, hours after midnight UTC
 * @param dayEnd     usual end of work
 * @param cloud      whether they hold an IAM user
 */
record Account(String name, String sid, int uid, boolean admin, Host home, String homeIp, List<Integer> apps,
               List<Integer> sites, double dayStart, double dayEnd, boolean cloud) {
}
