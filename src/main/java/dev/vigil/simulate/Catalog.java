package dev.vigil.simulate;

import java.util.List;

/** Immutable reference data: names, programs, web destinations and admin commands the estate draws from. */
final class Catalog {

    private Catalog() {
    }

    /** A program users launch from Explorer, with command-line variants ({@code %U} is the user name). */
    record App(String image, String[] commandLines, String[] domains) {
    }

    /** A web destination with the shape of its traffic. */
    record Site(String domain, int port, long meanBytesIn) {
    }

    static final List<String> FIRST = List.of("james", "mary", "robert", "patricia", "john", "jennifer", "michael",
            "linda", "david", "elizabeth", "william", "barbara", "richard", "susan", "joseph", "jessica", "thomas",
            "sarah", "chris", "karen", "daniel", "nancy", "matthew", "lisa", "anthony", "betty", "mark", "sandra",
            "paul", "ashley", "steven", "emily", "andrew", "donna", "kevin", "michelle", "brian", "carol", "george",
            "amanda", "aisha", "wei", "priya", "lukas", "sofia", "mateo", "yuki", "olga", "ahmed", "ines");
    static final List<String> LAST = List.of("smith", "johnson", "williams", "brown", "jones", "garcia", "miller",
            "davis", "rodriguez", "martinez", "hernandez", "lopez", "gonzalez", "wilson", "anderson", "taylor",
            "moore", "jackson", "martin", "lee", "thompson", "white", "harris", "clark", "lewis", "walker", "hall",
            "young", "allen", "king", "wright", "scott", "nguyen", "hill", "green", "adams", "baker", "nelson",
            "patel", "kim", "schmidt", "muller", "rossi", "novak", "tanaka", "silva", "kowalski", "dubois", "okafor");
    static final List<String> DOMAINS = List.of("CORP", "ACME", "NORTHWIND", "FABRIKAM", "GLOBEX", "INITECH",
            "UMBRELLA", "HOOLI", "STARK", "WAYNE");
    static final List<String> SITES_PREFIX = List.of("LON", "NYC", "FRA", "AMS", "SFO", "SGP", "PAR", "BER");

    static final String CHROME = "C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe";
    static final String EDGE = "C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe";

    static final List<App> APPS = List.of(
            new App(CHROME, new String[]{"\"" + CHROME + "\"", "\"" + CHROME + "\" --profile-directory=Default",
                    "\"" + CHROME + "\" --single-argument https://mail.google.com/"},
                    new String[]{"www.google.com", "github.com", "stackoverflow.com", "www.youtube.com"}),
            new App(EDGE, new String[]{"\"" + EDGE + "\" --single-argument https://www.office.com/",
                    "\"" + EDGE + "\""}, new String[]{"www.office.com", "login.microsoftonline.com", "www.bing.com"}),
            new App("C:\\Program Files\\Microsoft Office\\root\\Office16\\OUTLOOK.EXE",
                    new String[]{"\"C:\\Program Files\\Microsoft Office\\root\\Office16\\OUTLOOK.EXE\" ",
                            "\"C:\\Program Files\\Microsoft Office\\root\\Office16\\OUTLOOK.EXE\" /recycle"},
                    new String[]{"outlook.office365.com", "outlook.office.com"}),
            new App("C:\\Program Files\\Microsoft Office\\root\\Office16\\EXCEL.EXE",
                    new String[]{"\"C:\\Program Files\\Microsoft Office\\root\\Office16\\EXCEL.EXE\" ",
                            "\"C:\\Program Files\\Microsoft Office\\root\\Office16\\EXCEL.EXE\" \"C:\\Users\\%U\\Documents\\Budget FY26.xlsx\"",
                            "\"C:\\Program Files\\Microsoft Office\\root\\Office16\\EXCEL.EXE\" \"C:\\Users\\%U\\Downloads\\export (3).csv\""},
                    new String[]{"officeclient.microsoft.com"}),
            new App("C:\\Program Files\\Microsoft Office\\root\\Office16\\WINWORD.EXE",
                    new String[]{"\"C:\\Program Files\\Microsoft Office\\root\\Office16\\WINWORD.EXE\" /n",
                            "\"C:\\Program Files\\Microsoft Office\\root\\Office16\\WINWORD.EXE\" /n \"C:\\Users\\%U\\Documents\\Minutes.docx\""},
                    new String[]{"officeclient.microsoft.com"}),
            new App("C:\\Users\\%U\\AppData\\Local\\Microsoft\\Teams\\current\\Teams.exe",
                    new String[]{"\"C:\\Users\\%U\\AppData\\Local\\Microsoft\\Teams\\current\\Teams.exe\" --system-initiated"},
                    new String[]{"teams.microsoft.com", "presence.teams.microsoft.com"}),
            new App("C:\\Users\\%U\\AppData\\Local\\Programs\\Microsoft VS Code\\Code.exe",
                    new String[]{"\"C:\\Users\\%U\\AppData\\Local\\Programs\\Microsoft VS Code\\Code.exe\" ",
                            "\"C:\\Users\\%U\\AppData\\Local\\Programs\\Microsoft VS Code\\Code.exe\" C:\\src\\billing-api"},
                    new String[]{"marketplace.visualstudio.com", "github.com"}),
            new App("C:\\Windows\\System32\\notepad.exe",
                    new String[]{"\"C:\\Windows\\system32\\NOTEPAD.EXE\" C:\\Users\\%U\\Desktop\\notes.txt",
                            "\"C:\\Windows\\system32\\notepad.exe\" "}, new String[]{}),
            new App("C:\\Program Files\\Slack\\slack.exe",
                    new String[]{"\"C:\\Program Files\\Slack\\slack.exe\" --startup"},
                    new String[]{"app.slack.com", "edgeapi.slack.com"}),
            new App("C:\\Program Files\\Zoom\\bin\\Zoom.exe",
                    new String[]{"\"C:\\Program Files\\Zoom\\bin\\Zoom.exe\" \"--url=zoommtg://zoom.us/join?action=join&confno=8%d\""},
                    new String[]{"zoom.us", "us04web.zoom.us"}),
            new App("C:\\Windows\\System32\\cmd.exe",
                    new String[]{"\"C:\\Windows\\system32\\cmd.exe\" "}, new String[]{}),
            new App("C:\\Program Files\\Adobe\\Acrobat DC\\Acrobat\\Acrobat.exe",
                    new String[]{"\"C:\\Program Files\\Adobe\\Acrobat DC\\Acrobat\\Acrobat.exe\" \"C:\\Users\\%U\\Downloads\\Invoice_%d.pdf\""},
                    new String[]{"acroipm2.adobe.com"}));

    static final List<Site> SITES = List.of(new Site("www.google.com", 443, 60_000),
            new Site("outlook.office365.com", 443, 180_000), new Site("teams.microsoft.com", 443, 90_000),
            new Site("login.microsoftonline.com", 443, 12_000), new Site("github.com", 443, 240_000),
            new Site("stackoverflow.com", 443, 150_000), new Site("www.youtube.com", 443, 2_500_000),
            new Site("app.slack.com", 443, 80_000), new Site("zoom.us", 443, 40_000),
            new Site("www.linkedin.com", 443, 300_000), new Site("en.wikipedia.org", 443, 120_000),
            new Site("www.bbc.co.uk", 443, 400_000), new Site("docs.python.org", 443, 90_000),
            new Site("www.salesforce.com", 443, 200_000), new Site("drive.google.com", 443, 700_000),
            new Site("www.amazon.com", 443, 500_000), new Site("news.ycombinator.com", 443, 30_000),
            new Site("www.nytimes.com", 443, 600_000), new Site("www.office.com", 443, 110_000),
            new Site("www.bing.com", 443, 70_000), new Site("weather.com", 443, 350_000),
            new Site("ctldl.windowsupdate.com", 80, 60_000), new Site("settings-win.data.microsoft.com", 443, 8_000),
            new Site("v10.events.data.microsoft.com", 443, 4_000), new Site("www.msftconnecttest.com", 80, 600));

    /** Legitimate IT administration commands that resemble attacker discovery. */
    static final List<String> ADMIN_DISCOVERY = List.of("ipconfig /all", "whoami", "whoami /groups",
            "nltest /dsgetdc:%D", "net group \"%G\" /domain", "systeminfo", "gpresult /r", "ipconfig /flushdns",
            "net user %U /domain", "klist");
    static final List<String> ADMIN_GROUPS = List.of("Helpdesk", "VPN Users", "Finance", "Engineering",
            "Print Operators");

    static final List<String> LINUX_COMMANDS = List.of("/usr/bin/systemctl restart nginx",
            "/usr/bin/systemctl status postgresql", "/usr/bin/apt-get update", "/usr/bin/journalctl -u nginx --since today",
            "/usr/bin/docker ps", "/usr/bin/tail -n 200 /var/log/syslog", "/usr/bin/vi /etc/nginx/sites-available/default",
            "/usr/bin/du -sh /var/lib/docker", "/usr/bin/apt-get -y upgrade", "/usr/sbin/ufw status");
    static final List<String> LINUX_SERVICE_NAMES = List.of("web", "db", "build", "bastion", "mq", "cache",
            "app", "ci", "mon", "log");
    static final List<String> WIN_SERVER_NAMES = List.of("FS", "SQL", "APP", "EXCH", "PRINT", "WSUS", "SCCM", "RDS");
}
