package dev.vigil.fleet;

import io.micronaut.serde.annotation.Serdeable;

import java.util.Map;

/**
 * What the fleet is on this appliance and whether anything could ever be promoted. Names no tenant: a reader of one
 * tenant learns how many customer tenants there are, never which.
 *
 * @param explanation       one line, first in every rendering: {@code fleet of one: 1 of 3 tenants} on the appliance
 * @param customerTenants   how many distinct customer tenants the registry holds
 * @param floor             {@link PromotionPolicy#FLOOR}
 * @param coolOffFloor      {@link PromotionPolicy#COOL_OFF_FLOOR}, ISO-8601
 * @param minTenants        the configured N per artefact type
 * @param coolOff           the configured cool-off per artefact type, ISO-8601
 * @param defaultTlp        the marking given to artefacts derived from this appliance's alerts
 * @param promotionPossible false when the registry holds fewer customer tenants than the lowest N
 * @param promotions        how many promotions were ever decided
 * @param decisions         how many decisions of each outcome (promote, refuse, hold, revoke) were recorded
 */
@Serdeable
public record FleetStatus(String explanation, int customerTenants, int floor, String coolOffFloor,
                          Map<String, Integer> minTenants, Map<String, String> coolOff, String defaultTlp,
                          boolean promotionPossible, long promotions, Map<String, Long> decisions) {
}
