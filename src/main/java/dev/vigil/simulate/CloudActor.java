package dev.vigil.simulate;

/** Machine use of the AWS account: CI assuming its deploy role, the application reading S3, monitoring listing. */
final class CloudActor extends Actor {

    private final CloudWork work;
    private final String ec2Ip;
    private final String ciIp;

    CloudActor(Rng rng, Context ctx, int order) {
        super(rng, ctx, order);
        this.work = new CloudWork(ctx, rng);
        this.ec2Ip = rng.pick("3.", "18.", "52.", "54.") + rng.between(0, 255) + "." + rng.between(0, 255) + "." + rng.between(1, 254);
        this.ciIp = rng.publicIp();
    }

    @Override
    double peakPerHour() {
        return 40;
    }

    @Override
    double intensity(long micros) {
        return Rhythm.server(micros);
    }

    @Override
    void act(long at) {
        if (rng.chance(0.3)) {
            String session = "gha-" + rng.between(1_000_000_000L, 9_999_999_999L);
            String role = "arn:aws:iam::" + ctx.world().awsAccountId() + ":role/ci-deploy";
            ctx.cloud().record(ctx.tl(), rng, at, null, new Cloud.Identity("AWSService", null, null, null, null),
                    "sts.amazonaws.com", "AssumeRole", ciIp, "aws-sdk-js/3.693.0", true, "AwsApiCall",
                    r -> r.str("roleArn", role).str("roleSessionName", session), r -> r.begin("assumedRoleUser")
                            .str("assumedRoleId", "AROA" + rng.hex(17).toUpperCase() + ":" + session)
                            .str("arn", "arn:aws:sts::" + ctx.world().awsAccountId() + ":assumed-role/ci-deploy/" + session)
                            .end(), null);
        } else {
            String session = "i-0" + rng.hex(16);
            work.read(at, ctx.cloud().role("app-server", session), ec2Ip, "aws-sdk-java/2.29.15 Linux/6.1.119 OpenJDK_64-Bit_Server_VM/21.0.5");
        }
    }
}
