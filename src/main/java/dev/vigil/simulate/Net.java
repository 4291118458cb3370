package dev.vigil.simulate;

/**
 * Renders network observations: Zeek conn and dns JSON, and Suricata EVE dns, tls, http, flow and alert events.
 *
 * <p>Zeek is on a core span port and sees every connection; Suricata sits at the perimeter and logs flows with an
 * external side plus all DNS.
 */
final class Net {

    private final World world;

    Net(World world) {
        this.world = world;
    }

    /** A DNS lookup from {@code clientIp} to the resolver; {@code answer} null means NXDOMAIN. */
    void dns(Timeline tl, Rng rng, long at, Timeline.Step step, String clientIp, String query, String answer) {
        String uid = "C" + rng.base62(17);
        long flow = flowId(rng);
        int port = rng.ephemeralPort();
        int trans = rng.between(1, 65535);
        int ttl = rng.pick(60, 300, 3600, 20, 120);
        long rttMicros = rng.between(300, 45_000);
        String server = world.dnsServer();
        tl.at(at, step, out -> {
            Json z = new Json().raw("ts", Ts.epochMicros(out.at())).str("uid", uid).str("id.orig_h", clientIp)
                    .num("id.orig_p", port).str("id.resp_h", server).num("id.resp_p", 53).str("proto", "udp")
                    .num("trans_id", trans).raw("rtt", Ts.epochMicros(rttMicros)).str("query", query)
                    .num("qclass", 1).str("qclass_name", "C_INTERNET").num("qtype", 1).str("qtype_name", "A")
                    .num("rcode", answer == null ? 3 : 0).str("rcode_name", answer == null ? "NXDOMAIN" : "NOERROR")
                    .bool("AA", false).bool("TC", false).bool("RD", true).bool("RA", true).num("Z", 0);
            if (answer != null) {
                z.strings("answers", answer).raw("TTLs", "[" + ttl + ".0]");
            }
            out.emit(LogFile.ZEEK_DNS, z.bool("rejected", false).toString(), uid);
            String f = Long.toString(flow);
            out.emit(LogFile.SURICATA_EVE, eve(out.at(), flow, "dns", clientIp, port, server, 53, "UDP")
                    .begin("dns").num("version", 2).str("type", "query").num("id", trans).str("rrname", query)
                    .str("rrtype", "A").num("tx_id", 0).str("opcode", "0").end().toString(), f);
        });
        tl.at(at + rttMicros, step, out -> {
            Json j = eve(out.at(), flow, "dns", server, 53, clientIp, port, "UDP").begin("dns").num("version", 2)
                    .str("type", "answer").num("id", trans).str("flags", answer == null ? "8183" : "8180")
                    .bool("qr", true).bool("rd", true).bool("ra", true).str("opcode", "0").str("rrname", query)
                    .str("rrtype", "A").str("rcode", answer == null ? "NXDOMAIN" : "NOERROR");
            if (answer != null) {
                j.begin("grouped").strings("A", answer).end();
            }
            out.emit(LogFile.SURICATA_EVE, j.end().toString(), Long.toString(flow));
        });
    }

    /**
     * A TCP connection: Zeek conn at its start; for flows with an external side Suricata tls or http at start and a
     * flow record once it has ended.
     *
     * @param sni  TLS server name or HTTP host, or null
     * @return the Suricata flow id, for alerts on the same flow
     */
    long tcp(Timeline tl, Rng rng, long at, Timeline.Step step, String src, int sport, String dst, int dport,
             String service, String sni, long bytesOut, long bytesIn, double seconds) {
        String uid = "C" + rng.base62(17);
        long flow = flowId(rng);
        long pktsOut = Math.max(3, bytesOut / rng.between(500, 1400));
        long pktsIn = Math.max(2, bytesIn / rng.between(700, 1450));
        boolean external = !dst.startsWith("10.") || !src.startsWith("10.");
        long durMicros = (long) (seconds * 1e6);
        tl.at(at, step, out -> {
            Json z = new Json().raw("ts", Ts.epochMicros(out.at())).str("uid", uid).str("id.orig_h", src)
                    .num("id.orig_p", sport).str("id.resp_h", dst).num("id.resp_p", dport).str("proto", "tcp");
            if (service != null) {
                z.str("service", service);
            }
            out.emit(LogFile.ZEEK_CONN, z.raw("duration", Ts.epochMicros(durMicros)).num("orig_bytes", bytesOut)
                    .num("resp_bytes", bytesIn).str("conn_state", "SF").bool("local_orig", src.startsWith("10."))
                    .bool("local_resp", dst.startsWith("10.")).num("missed_bytes", 0).str("history", "ShADadFf")
                    .num("orig_pkts", pktsOut).num("orig_ip_bytes", bytesOut + 52 * pktsOut).num("resp_pkts", pktsIn)
                    .num("resp_ip_bytes", bytesIn + 52 * pktsIn).toString(), uid);
        });
        if (!external) {
            return flow;
        }
        if (sni != null && dport == 443) {
            String version = rng.chance(0.8) ? "TLS 1.3" : "TLS 1.2";
            tl.at(at + rng.between(20_000, 90_000), step, out -> out.emit(LogFile.SURICATA_EVE,
                    eve(out.at(), flow, "tls", src, sport, dst, dport, "TCP").begin("tls").str("sni", sni)
                            .str("version", version).end().toString(), Long.toString(flow)));
        } else if (sni != null && dport == 80) {
            String url = "/" + rng.alpha(rng.between(3, 9)) + "/" + rng.hex(8);
            tl.at(at + rng.between(10_000, 60_000), step, out -> out.emit(LogFile.SURICATA_EVE,
                    eve(out.at(), flow, "http", src, sport, dst, dport, "TCP").begin("http").str("hostname", sni)
                            .str("url", url).str("http_user_agent", "Microsoft-CryptoAPI/10.0").str("http_method", "GET")
                            .str("protocol", "HTTP/1.1").num("status", 200).num("length", bytesIn).end().toString(),
                    Long.toString(flow)));
        }
        long endAt = at + durMicros;
        String appProto = service == null ? "failed" : service.equals("ssl") ? "tls" : service;
        tl.at(endAt + rng.between(1_000_000, 30_000_000), step, out -> out.emit(LogFile.SURICATA_EVE,
                eve(out.at(), flow, "flow", src, sport, dst, dport, "TCP").str("app_proto", appProto)
                        .begin("flow").num("pkts_toserver", pktsOut).num("pkts_toclient", pktsIn)
                        .num("bytes_toserver", bytesOut + 52 * pktsOut).num("bytes_toclient", bytesIn + 52 * pktsIn)
                        .str("start", Ts.suricata(at)).str("end", Ts.suricata(endAt)).num("age", durMicros / 1_000_000)
                        .str("state", "closed").str("reason", "timeout").bool("alerted", false).end().toString(),
                Long.toString(flow)));
        return flow;
    }

    /** A Suricata alert on an existing flow. */
    void alert(Timeline tl, long at, Timeline.Step step, long flow, String src, int sport, String dst, int dport,
               int sid, String signature, String category, int severity) {
        tl.at(at, step, out -> out.emit(LogFile.SURICATA_EVE, eve(out.at(), flow, "alert", src, sport, dst, dport, "TCP")
                .begin("alert").str("action", "allowed").num("gid", 1).num("signature_id", sid).num("rev", 3)
                .str("signature", signature).str("category", category).num("severity", severity).end().toString(),
                Long.toString(flow)));
    }

    private Json eve(long at, long flow, String type, String src, int sport, String dst, int dport, String proto) {
        return new Json().str("timestamp", Ts.suricata(at)).num("flow_id", flow).str("in_iface", world.sensorIface())
                .str("event_type", type).str("src_ip", src).num("src_port", sport).str("dest_ip", dst)
                .num("dest_port", dport).str("proto", proto);
    }

    private static long flowId(Rng rng) {
        return rng.between(100_000_000_000_000L, 2_251_799_813_685_247L);
    }
}
