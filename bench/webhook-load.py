"""Signed Twilio webhooks for bench/webhooks.sh: arms N countdowns on a running kit (in sandbox mode,
so its auth token is known) and writes a wrk script replaying the customers' messages."""
import base64, hashlib, hmac, json, sys, urllib.parse, urllib.request


def sign(token, url, params):
    data = url + "".join(k + v for k, v in sorted(params.items()))
    return base64.b64encode(hmac.new(token.encode(), data.encode(), hashlib.sha1).digest()).decode()


def main():
    action, token, base, n = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
    conversation = lambda i: "CH%032d" % i
    customer = lambda i: "+1555%07d" % i
    if action == "arm":
        url = base + "/webhooks/taskrouter"
        for i in range(n):
            attributes = json.dumps({"conversationSid": conversation(i), "channelType": "sms", "customerAddress": customer(i),
                                     "flexInteractionSid": "KD1", "flexInteractionChannelSid": "UO1"})
            p = {"EventType": "reservation.accepted", "TaskSid": "WT%032d" % i, "WorkerSid": "WK1", "TaskAttributes": attributes}
            request = urllib.request.Request(url, data=urllib.parse.urlencode(p).encode(), headers={
                "Content-Type": "application/x-www-form-urlencoded", "X-Twilio-Signature": sign(token, url, p)})
            urllib.request.urlopen(request).read()
        return
    url = base + "/webhooks/conversations"
    lines = ["local bodies = {}", "local sigs = {}"]
    for i in range(n):
        p = {"EventType": action, "ConversationSid": conversation(i), "Author": customer(i), "Body": "still here",
             "Source": "SMS", "MessageSid": "IM%032d" % i}
        lines.append('bodies[%d] = "%s"' % (i + 1, urllib.parse.urlencode(p)))
        lines.append('sigs[%d] = "%s"' % (i + 1, sign(token, url, p)))
    lines.append("local n = 0")
    lines.append("request = function()\n  n = n %% %d + 1\n  return wrk.format(\"POST\", \"/webhooks/conversations\", "
                 "{[\"Content-Type\"] = \"application/x-www-form-urlencoded\", [\"X-Twilio-Signature\"] = sigs[n]}, bodies[n])\nend" % n)
    print("\n".join(lines))


main()
