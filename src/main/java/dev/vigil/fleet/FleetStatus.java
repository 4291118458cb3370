package dev.vigil.fleet;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;
import java.util.Map;

/**
 * What the fleet is on this appliance and whether anything could ever be promoted.
 *
 * @param tenants            every tenant in the registry, as {@code id (kind)}
 * @param customerTenants    how many distinct customer tenants the registry holds
 * @param floor              {@link PromotionPolicy#FLOOR}
 * @param minTenants         the configured N per artefact type
 * @param coolOff            the configured cool-off, ISO-8601
 * @param promotionPossible  false when the registry holds fewer customer tenants than the lowest N
 * @param explanation        one sentence, e.g. {@code fleet of one: promotion impossible (1 customer tenant < floor 3)}
 * @param promotions         how many promotions were ever decided
 */
@Serdeable
public record FleetStatus(List<String> tenants, int customerTenants, int floor, Map<String, Integer> minTenants,
                          String coolOff, boolean promotionPossible, String explanation, long promotions) {
}
