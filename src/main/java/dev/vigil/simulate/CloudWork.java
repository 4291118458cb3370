package dev.vigil.simulate;

/** Everyday AWS use: MFA console logins from the office or home, reads, and admins' occasional IAM changes. */
final class CloudWork {

    static final String CONSOLE_UA = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
    private static final String[] BUCKETS = {"-billing-exports", "-app-assets", "-terraform-state", "-logs-archive", "-data-lake"};

    private final Context ctx;
    private final Rng rng;

    CloudWork(Context ctx, Rng rng) {
        this.ctx = ctx;
        this.rng = rng;
    }

    String bucket(Rng r) {
        return ctx.world().domain().toLowerCase() + r.pick(BUCKETS);
    }

    /** A person's console session: MFA login, some reads, for admins sometimes an IAM change. */
    void personal(long at, Account a) {
        Cloud.Identity me = ctx.cloud().iamUser(a);
        String ip = Rhythm.person(a, at) > 0.5 ? ctx.world().officeEgressIp() : a.homeIp();
        ctx.cloud().record(ctx.tl(), rng, at, null, me, "signin.amazonaws.com", "ConsoleLogin", ip, CONSOLE_UA, false,
                "AwsConsoleSignIn", null, r -> r.str("ConsoleLogin", "Success"), d -> d
                        .str("LoginTo", "https://console.aws.amazon.com/console/home").str("MobileVersion", "No")
                        .str("MFAUsed", "Yes"));
        long t = at;
        int reads = rng.between(1, 5);
        for (int i = 0; i < reads; i++) {
            t += rng.between(3_000_000, 120_000_000);
            read(t, me, ip, CONSOLE_UA);
        }
        if (a.admin() && rng.chance(0.08)) {
            String newUser = rng.pick("ci-", "svc-", "") + rng.pick(Catalog.FIRST) + rng.between(1, 99);
            t += rng.between(10_000_000, 200_000_000);
            iamCreate(t, null, null, me, ip, newUser, rng.chance(0.15) ? "AdministratorAccess"
                    : rng.pick("ReadOnlyAccess", "AmazonS3ReadOnlyAccess", "AmazonEC2ReadOnlyAccess"));
        }
    }

    void read(long at, Cloud.Identity who, String ip, String ua) {
        switch (rng.between(0, 3)) {
            case 0 -> ctx.cloud().record(ctx.tl(), rng, at, null, who, "s3.amazonaws.com", "ListBuckets", ip, ua, true,
                    "AwsApiCall", r -> r.str("Host", "s3.amazonaws.com"), null, null);
            case 1 -> {
                String b = bucket(rng);
                String key = rng.pick("reports/", "exports/", "static/", "") + rng.hex(8) + rng.pick(".csv", ".json", ".png", ".parquet");
                ctx.cloud().record(ctx.tl(), rng, at, null, who, "s3.amazonaws.com", "GetObject", ip, ua, true,
                        "AwsApiCall", r -> r.str("bucketName", b).str("Host", b + ".s3.amazonaws.com").str("key", key),
                        null, null);
            }
            case 2 -> ctx.cloud().record(ctx.tl(), rng, at, null, who, "ec2.amazonaws.com", "DescribeInstances", ip, ua,
                    true, "AwsApiCall", r -> r.str("maxResults", "1000"), null, null);
            default -> ctx.cloud().record(ctx.tl(), rng, at, null, who, "iam.amazonaws.com", "ListUsers", ip, ua, true,
                    "AwsApiCall", null, null, null);
        }
    }

    /** CreateUser then AttachUserPolicy, as admins and attackers both do it. */
    void iamCreate(long at, Timeline.Step step, Timeline.Step attach, Cloud.Identity who, String ip, String newUser, String policy) {
        String arn = "arn:aws:iam::" + ctx.world().awsAccountId() + ":user/" + newUser;
        String userId = "AIDA" + rng.hex(17).toUpperCase();
        ctx.cloud().record(ctx.tl(), rng, at, step, who, "iam.amazonaws.com", "CreateUser", ip, CONSOLE_UA, false,
                "AwsApiCall", r -> r.str("userName", newUser), r -> r.begin("user").str("path", "/")
                        .str("userName", newUser).str("userId", userId).str("arn", arn).end(), null);
        ctx.cloud().record(ctx.tl(), rng, at + rng.between(8_000_000, 90_000_000), attach, who, "iam.amazonaws.com",
                "AttachUserPolicy", ip, CONSOLE_UA, false, "AwsApiCall", r -> r.str("userName", newUser)
                        .str("policyArn", "arn:aws:iam::aws:policy/" + policy), null, null);
    }
}
