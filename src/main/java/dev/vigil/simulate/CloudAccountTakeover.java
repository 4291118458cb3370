package dev.vigil.simulate;

import java.util.List;

/**
 * A stolen cloud password used from an address the user has never used: ConsoleLogin without MFA, a look around,
 * then a new IAM user with AdministratorAccess and an access key.
 */
final class CloudAccountTakeover implements AttackChain {

    private static final String[] UAS = {
            "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0",
            "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15",
            CloudWork.CONSOLE_UA};

    @Override
    public SimulationSummary.Attack plant(Context ctx, Rng rng, String attackId, long at) {
        List<Account> cloud = ctx.world().people().stream().filter(Account::cloud).toList();
        if (cloud.isEmpty()) {
            return null;
        }
        Account a = rng.pick(cloud);
        Cloud.Identity who = ctx.cloud().iamUser(a);
        String ip = rng.publicIp();
        String ua = rng.pick(UAS);
        Steps steps = new Steps(attackId, AttackKind.CLOUD_ACCOUNT_TAKEOVER);
        ctx.cloud().record(ctx.tl(), rng, at, steps.next("T1078.004", "initial-access"), who, "signin.amazonaws.com",
                "ConsoleLogin", ip, ua, false, "AwsConsoleSignIn", null, r -> r.str("ConsoleLogin", "Success"), d -> d
                        .str("LoginTo", "https://console.aws.amazon.com/console/home?state=hashArgs%23&isauthcode=true")
                        .str("MobileVersion", "No").str("MFAUsed", "No"));
        Timeline.Step look = steps.next("T1087.004", "discovery");
        long t = at + rng.between(20_000_000, 300_000_000);
        ctx.cloud().record(ctx.tl(), rng, t, look, who, "iam.amazonaws.com", "ListUsers", ip, ua, true, "AwsApiCall",
                null, null, null);
        ctx.cloud().record(ctx.tl(), rng, t + rng.between(5_000_000, 60_000_000), look, who, "s3.amazonaws.com",
                "ListBuckets", ip, ua, true, "AwsApiCall", r -> r.str("Host", "s3.amazonaws.com"), null, null);
        String newUser = rng.pick("backup-admin", "svc-" + rng.alpha(5), "support" + rng.between(1, 99), rng.pick(Catalog.FIRST) + "."
                + rng.pick(Catalog.LAST), "terraform-" + rng.alpha(3));
        long t2 = t + rng.between(60_000_000, 600_000_000);
        new CloudWork(ctx, rng).iamCreate(t2, steps.next("T1136.003", "persistence"),
                steps.next("T1098.003", "privilege-escalation"), who, ip, newUser, "AdministratorAccess");
        String keyId = "AKIA" + rng.base32(16).toUpperCase();
        ctx.cloud().record(ctx.tl(), rng, t2 + rng.between(100_000_000, 400_000_000), steps.next("T1098.001", "persistence"),
                who, "iam.amazonaws.com", "CreateAccessKey", ip, ua, false, "AwsApiCall", r -> r.str("userName", newUser),
                r -> r.begin("accessKey").str("userName", newUser).str("accessKeyId", keyId).str("status", "Active").end(), null);
        return new SimulationSummary.Attack(attackId, AttackKind.CLOUD_ACCOUNT_TAKEOVER, AttackChain.instant(at), "aws:"
                + ctx.world().awsAccountId(), a.name());
    }
}
