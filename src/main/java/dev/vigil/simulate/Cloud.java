package dev.vigil.simulate;

import java.util.function.Consumer;

/** Renders AWS CloudTrail records, one per line, as CloudTrail delivers them inside {@code Records}. */
final class Cloud {

    /** Who made a call. */
    record Identity(String type, String principalId, String arn, String userName, String accountId) {
    }

    private final World world;

    Cloud(World world) {
        this.world = world;
    }

    Identity iamUser(Account a) {
        return new Identity("IAMUser", "AIDA" + World.hex(a.sid().hashCode(), 17), "arn:aws:iam::"
                + world.awsAccountId() + ":user/" + a.name(), a.name(), world.awsAccountId());
    }

    Identity role(String roleName, String session) {
        return new Identity("AssumedRole", "AROA" + World.hex(roleName.hashCode(), 17) + ":" + session,
                "arn:aws:sts::" + world.awsAccountId() + ":assumed-role/" + roleName + "/" + session, null,
                world.awsAccountId());
    }

    /**
     * One record.
     *
     * @param request    writes {@code requestParameters}' fields, or null for {@code null}
     * @param response   writes {@code responseElements}' fields, or null for {@code null}
     * @param additional writes {@code additionalEventData}'s fields, or null to omit it
     */
    void record(Timeline tl, Rng rng, long at, Timeline.Step step, Identity who, String source, String name,
                String ip, String userAgent, boolean readOnly, String eventType, Consumer<Json> request,
                Consumer<Json> response, Consumer<Json> additional) {
        String id = rng.uuid();
        String requestId = rng.uuid();
        String region = source.startsWith("signin") || source.startsWith("iam") ? "us-east-1" : world.awsRegion();
        tl.at(at, step, out -> {
            Json j = new Json().str("eventVersion", "1.08").begin("userIdentity").str("type", who.type())
                    .str("principalId", who.principalId()).str("arn", who.arn()).str("accountId", who.accountId());
            if (who.userName() != null) {
                j.str("userName", who.userName());
            }
            j.end().str("eventTime", Ts.isoSeconds(out.at())).str("eventSource", source).str("eventName", name)
                    .str("awsRegion", region).str("sourceIPAddress", ip).str("userAgent", userAgent);
            object(j, "requestParameters", request);
            object(j, "responseElements", response);
            if (additional != null) {
                j.begin("additionalEventData");
                additional.accept(j);
                j.end();
            }
            if (!eventType.equals("AwsConsoleSignIn")) {
                j.str("requestID", requestId);
            }
            j.str("eventID", id).bool("readOnly", readOnly).str("eventType", eventType).bool("managementEvent", true)
                    .str("recipientAccountId", world.awsAccountId()).str("eventCategory", "Management");
            out.emit(LogFile.AWS_CLOUDTRAIL, j.toString(), id);
        });
    }

    private static void object(Json j, String name, Consumer<Json> fields) {
        if (fields == null) {
            j.raw(name, "null");
        } else {
            j.begin(name);
            fields.accept(j);
            j.end();
        }
    }
}
