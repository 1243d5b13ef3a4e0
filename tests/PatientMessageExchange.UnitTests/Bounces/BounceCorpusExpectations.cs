namespace PatientMessageExchange.UnitTests.Bounces;

/// <summary>The expected outcome of each file of the dev corpus, shared by the parser test and the IMAP test.</summary>
public static class BounceCorpusExpectations
{
    /// <summary>
    /// Per file: "not-bounce" (left in the inbox), "delay" (a warning, filed with no row), "review" (kept for a person,
    /// with the reason), or each failed recipient as "kind address". Taken from the parser's output and reviewed file by
    /// file against each notice's own words (recipient, and the kind the policy gives what the server said).
    /// </summary>
    public const string Table = """
        arf-01                   | complaint redacted@example.net
        arf-11                   | review
        arf-14                   | complaint kijitora@y.example.com
        arf-16                   | complaint kijitora@example.com, complaint sironeko@example.com, complaint mikeneko@example.com, complaint sabatora@example.com, complaint sirokiji@example.org, complaint kuroneko@example.com, complaint sabineko@example.com
        arf-18                   | review
        arf-20                   | review
        arf-22                   | complaint kijitora@example.com
        arf-24                   | complaint kijitora@example.com
        arf-26                   | not-bounce
        lhost-activehunter-02    | hard kijitora@example.ed.jp
        lhost-amavis-02          | hard neko@example.co.jp
        lhost-amazonses-01       | hard shironeko@example.co.jp
        lhost-amazonses-03       | soft kijitora@example.jp
        lhost-amazonses-06       | hard bounce@simulator.amazonses.com
        lhost-amazonses-08       | blocked e@neko.nyaan.example.org
        lhost-amazonses-10       | hard bounce@simulator.amazonses.com
        lhost-amazonses-12       | delay
        lhost-amazonses-14       | blocked sironeko@neko.example.org
        lhost-amazonses-16       | blocked kijitora@example.com
        lhost-amazonses-18       | hard kijitora@neko.nyaan.example.edu
        lhost-amazonses-20       | hard kijitora@google.example.com
        lhost-amazonworkmail-01  | hard kijitora@example.jp
        lhost-amazonworkmail-03  | soft kuroneko@example.org
        lhost-amazonworkmail-05  | soft sabatora@example.libsisimai.org
        lhost-amazonworkmail-08  | soft kijitora@libsisimai.org
        lhost-barracuda-01       | blocked kijitora@example.org
        lhost-bigfoot-02         | hard kijitora@example.org
        lhost-courier-01         | hard kijitora@example.co.jp
        lhost-courier-03         | blocked kijitora@example.jp
        lhost-domino-01          | hard kijitora@example.jp
        lhost-domino-03          | soft kijitora@neko.example.org
        lhost-dragonfly-02       | blocked pseudo-local-part@outlook.example.com
        lhost-dragonfly-04       | soft postmaster@cx.libsisimai.org
        lhost-dragonfly-06       | blocked blocked@libsisimai.net
        lhost-dragonfly-08       | soft exceedlimit@libsisimai.net
        lhost-dragonfly-10       | hard hasmoved@libsisimai.net
        lhost-dragonfly-12       | soft mailboxfull@libsisimai.net
        lhost-dragonfly-14       | soft mesgtoobig@libsisimai.net
        lhost-dragonfly-16       | soft notaccept@libsisimai.net
        lhost-dragonfly-18       | blocked policyviolation@libsisimai.net
        lhost-dragonfly-20       | blocked spamdetected@libsisimai.net
        lhost-dragonfly-22       | hard syntaxerror@libsisimai.net
        lhost-dragonfly-24       | hard userunknown@libsisimai.net
        lhost-dragonfly-26       | hard userunknown@example.org
        lhost-dragonfly-28       | soft kijitora@example.com
        lhost-dragonfly-30       | soft neko@nyaan.jp
        lhost-einsundeins-03     | blocked xxxx@xxxx.fr
        lhost-exchange2003-02    | hard kijitora@example.co.jp, hard mikeneko@example.co.jp
        lhost-exchange2003-04    | hard kijitora@example.com
        lhost-exchange2003-07    | hard kijitora@example.org
        lhost-exchange2007-02    | soft kijitora@example.edu
        lhost-exchange2007-04    | blocked neko-nyaan@cat.example.jp
        lhost-exchange2007-06    | hard transports@agglo-saumur.fr
        lhost-exim-01            | blocked kijitora@example.ed.jp
        lhost-exim-03            | blocked kijitora@example.or.jp
        lhost-exim-05            | hard kijitora@neko.example.co.jp
        lhost-exim-07            | soft shiba@example.com
        lhost-exim-29            | blocked kijitora@example.co.jp
        lhost-exim-31            | blocked kijitora@example.net
        lhost-exim-33            | blocked pseudo-local-part-kijitora-nyaan@comcast.net
        lhost-exim-35            | blocked kijitora@example.com
        lhost-exim-37            | hard kijitora@example.net
        lhost-exim-39            | blocked kijitora@example.net
        lhost-exim-41            | delay
        lhost-exim-43            | blocked kijitora@example.net
        lhost-exim-45            | soft kijitora@example.com
        lhost-exim-47            | blocked kijitora@example.net
        lhost-exim-49            | blocked kijitora@example.com
        lhost-exim-51            | hard kijitora@example.org
        lhost-exim-53            | soft kijitora@example.com
        lhost-exim-55            | blocked kijitora@example.com
        lhost-exim-57            | blocked kijitora@example.com
        lhost-exim-59            | hard kijitora@icloud.example.com
        lhost-exim-61            | hard xxxx@xxxx.net
        lhost-ezweb-02           | hard this-local-part-does-not-exist-on-the-server@ezweb.ne.jp
        lhost-ezweb-04           | hard this-local-part-does-not-exist-on-the-server@ezweb.ne.jp
        lhost-ezweb-07           | hard this-local-part-does-not-exist@ezweb.ne.jp
        lhost-fml-02             | not-bounce
        lhost-gmail-01           | hard userunknown@example.jp
        lhost-gmail-04           | blocked kijitora@example.com
        lhost-gmail-06           | delay
        lhost-gmail-08           | delay
        lhost-gmail-10           | soft kijitora@6jo.example.co.jp
        lhost-gmail-15           | soft mikeneko@libsisimai.org
        lhost-gmail-17           | delay
        lhost-gmail-19           | soft neko-nyaan@google.example.com
        lhost-gmx-02             | hard shironeko@example.jp
        lhost-gmx-04             | soft kijitora@6jo.example.co.jp
        lhost-googlegroups-02    | soft libsisimai@googlegroups.com
        lhost-googlegroups-04    | soft libsisimai@googlegroups.com
        lhost-googlegroups-06    | soft libsisimai@googlegroups.com
        lhost-googlegroups-08    | soft libsisimai@googlegroups.com
        lhost-googlegroups-10    | soft libsisimai@googlegroups.com
        lhost-googlegroups-12    | soft libsisimai@googlegroups.com
        lhost-googlegroups-14    | soft libsisimai@googlegroups.com
        lhost-imailserver-01     | hard kijitora@example.com
        lhost-imailserver-03     | hard kijitora@neko.example.co.jp
        lhost-imailserver-06     | blocked kijitora@example.jp
        lhost-kddi-02            | soft kijitora@00000000000000.dion.ne.jp
        lhost-mailfoundry-01     | hard kijitora@example.org
        lhost-mailmarshal-02     | hard kijitora@nyaan.example.com
        lhost-mailru-02          | soft kijitora@example.jp
        lhost-mailru-04          | hard kijitora@example.jp
        lhost-mailru-06          | hard nyan@haineko.org
        lhost-mailru-08          | hard otsu-sakaba-hunter-neko-nyaaaaaaan@ezweb.ne.jp
        lhost-mailru-10          | soft neko@sijo.example.jp
        lhost-mcafee-02          | hard kijitora@example.jp
        lhost-mcafee-04          | hard kijitora@example.com
        lhost-messagingserver-01 | hard kijitora@example.jp
        lhost-messagingserver-03 | hard sabineko@example.org, hard mikeneko@example.org
        lhost-messagingserver-05 | hard kijitora@example.jp
        lhost-messagingserver-07 | delay
        lhost-messagingserver-09 | hard otsu-sakaba-hunter-neko-nyaaaaaaan@ezweb.ne.jp
        lhost-messagingserver-11 | blocked kijitora@example.jp
        lhost-mfilter-01         | hard kijitora@example.com
        lhost-mfilter-03         | hard kijitora@example.org
        lhost-mfilter-05         | soft kijitora@example.co.jp
        lhost-mimecast-02        | blocked sabatora@example.net
        lhost-mxlogic-02         | hard kijitora@example.jp
        lhost-notes-01           | review
        lhost-notes-03           | hard kijitora@example.com
        lhost-office365-02       | hard kijitora@example.onmicrosoft.com
        lhost-office365-04       | hard otsu-sakaba-hunter-neko-nyaaaaaaan@ezweb.ne.jp
        lhost-office365-06       | soft neko@libsisimai.org
        lhost-office365-08       | soft nyaan@neko.example.jp
        lhost-office365-10       | hard azumakuniyuki@example.ne.jp
        lhost-office365-12       | soft kijitora@cr.neko.nyaan.jp
        lhost-opensmtpd-01       | hard apdugoaidugoaidugoaeiudggadi@gmail.com
        lhost-opensmtpd-03       | hard kijitora@neko.example.jp
        lhost-opensmtpd-05       | soft kijitora@mail.example.co.jp
        lhost-opensmtpd-10       | hard postmaster@cx.libsisimai.org
        lhost-opensmtpd-12       | delay
        lhost-opensmtpd-14       | blocked blocked@libsisimai.net
        lhost-opensmtpd-16       | delay
        lhost-outlook-01         | soft kijitora@example.jp
        lhost-outlook-03         | soft kijitora@example.jp
        lhost-outlook-06         | delay
        lhost-outlook-08         | hard kijitora@hotmail.example.com
        lhost-postfix-01         | hard kijitora@example.org
        lhost-postfix-03         | hard kijitora@example.net
        lhost-postfix-05         | soft kijitora@example.org
        lhost-postfix-07         | hard kijitora@user.example.or.jp
        lhost-postfix-09         | soft kijitora@example.ne.jp
        lhost-postfix-11         | blocked kijitora@example.jp, blocked noraneko@example.jp
        lhost-postfix-14         | hard kijitora@2jo.example.jp
        lhost-postfix-16         | hard kijitora@example.go.jp
        lhost-postfix-28         | blocked kijitora@gmail.example.com
        lhost-postfix-30         | blocked kijitora@example.br
        lhost-postfix-32         | hard neko....nyaan....@libsisimai.org
        lhost-postfix-34         | soft kijitora@example.com
        lhost-postfix-36         | hard otsu-sakaba-hunter-neko-nyaaaaaaan@ezweb.ne.jp
        lhost-postfix-38         | blocked kijitora@example.org
        lhost-postfix-40         | soft kijitora@example.com
        lhost-postfix-42         | blocked kijitora@example.com
        lhost-postfix-44         | blocked kijitora@example.jp
        lhost-postfix-46         | blocked neko-nyaan@ne.auone-net.jp
        lhost-postfix-48         | soft neko-nyaan@ntt.example.net
        lhost-postfix-50         | soft soto-neko-nyaan@ntt.example.com
        lhost-postfix-52         | hard kijitora@example.co.jp
        lhost-postfix-54         | blocked neko-nyaan@example.ne.jp
        lhost-postfix-56         | soft nyaan@qq.example.com
        lhost-postfix-58         | blocked neko-1718501322@gmail.com
        lhost-postfix-60         | blocked neko@mail.example.jp
        lhost-postfix-62         | blocked nyaan@libsisimai.org
        lhost-postfix-64         | soft xxxx@wanadoo.fr
        lhost-postfix-66         | blocked kijitora@aol.example.jp
        lhost-postfix-68         | blocked kijitora@yahoo.example.co.jp
        lhost-postfix-70         | blocked kijitora@google.example.com
        lhost-postfix-72         | blocked kijitora@mail.example.ru
        lhost-postfix-74         | soft kijitora@y.example.ca
        lhost-postfix-76         | hard this-local-part-does-not-exist@rakumail.jp
        lhost-postfix-78         | blocked neko@example.co.jp
        lhost-postfix-80         | blocked xxxx@xxxx.com
        lhost-powermta-02        | hard kijitora@example.com
        lhost-qmail-01           | hard kijitora@example.ne.jp
        lhost-qmail-03           | blocked kijitora@example.org
        lhost-qmail-05           | soft kijitora@example.net
        lhost-qmail-07           | soft kijitora@example.jp
        lhost-qmail-09           | blocked neko@example.co.jp
        lhost-qmail-11           | hard neko@nyaan.jp
        lhost-qmail-13           | hard nekochan@cx.libsisimai.com
        lhost-qmail-15           | blocked pseudo-local-part-of-microsoft-outlook@outlook.com
        lhost-qmail-17           | hard userunknown@libsisimai.net, soft mailboxfull@libsisimai.net
        lhost-qmail-19           | soft pseudo-local-part-of-yahoo-inc@yahoo.com
        lhost-qmail-21           | hard libgsasl7-dev@email.example.jp
        lhost-qmail-23           | hard userunknown@libsisimai.net
        lhost-qmail-25           | soft mailboxfull@libsisimai.net, hard userunknown@libsisimai.net
        lhost-receivingses-02    | hard userunknown@neko.example.jp
        lhost-receivingses-04    | soft mailboxfull@neko.example.jp
        lhost-receivingses-06    | blocked contenterror@neko.example.jp
        lhost-receivingses-08    | soft jp1rb6cm3@mozmail.com
        lhost-sendgrid-02        | hard this-local-part-does-not-exist-on-the-server@example.jp
        lhost-sendmail-01        | hard userunknown@bouncehammer.jp
        lhost-sendmail-03        | hard bounce0@example.org
        lhost-sendmail-05        | soft kijitora@example.org
        lhost-sendmail-07        | blocked kijitora@example.org
        lhost-sendmail-09        | blocked kijitora@example.co.jp
        lhost-sendmail-11        | soft kijitora@example.co.jp
        lhost-sendmail-13        | soft kijitora@example.or.jp
        lhost-sendmail-15        | review
        lhost-sendmail-17        | hard kijitora@example.net
        lhost-sendmail-19        | hard kijitora@ntt.example.ne.jp
        lhost-sendmail-21        | soft kijitora@cat.example.ne.jp
        lhost-sendmail-24        | hard neko@xn--cesupi09d.jp
        lhost-sendmail-26        | hard this-local-part-does-not-exist-on-the-system@gol.com
        lhost-sendmail-28        | hard this-local-part-does-not-exist-on-the-system@uqmobile.jp
        lhost-sendmail-30        | soft this-local-part-does-not-exist-on-the-system@y-mobile.ne.jp
        lhost-sendmail-32        | hard nyaaan@neko.example.jp
        lhost-sendmail-34        | blocked libsisimai@example.jp
        lhost-sendmail-36        | blocked kijitora@nyaan.example.com
        lhost-sendmail-38        | blocked kijitora@example.com
        lhost-sendmail-40        | hard kijitora@ntt.example.ne.jp
        lhost-sendmail-42        | hard nekochan@libsisimai.org
        lhost-sendmail-44        | blocked kijitora@rokujo.example.jp
        lhost-sendmail-46        | hard pseudo-local-part-kijitora-nyaaan@laposte.net
        lhost-sendmail-48        | hard pseudo-local-part-kijitora-nyaan@sfr.fr
        lhost-sendmail-50        | hard otsu-sakaba-hunter-neko-nyaaaaaaan@ezweb.ne.jp
        lhost-sendmail-52        | hard otsu-sakaba-hunter-neko-nyaaaaaaan@au.com
        lhost-sendmail-54        | soft kijitora@neko.example.jp
        lhost-sendmail-56        | blocked neko-nyaan@icloud.example.com
        lhost-sendmail-58        | blocked info@example.jp
        lhost-sendmail-60        | blocked kijitora-cat@google.example.com
        lhost-surfcontrol-02     | soft kijitora@example.org
        lhost-trendmicro-01      | hard kijitora@example.co.jp
        lhost-trendmicro-03      | soft kijitora@example.jp
        lhost-v5sendmail-02      | hard kijitora@neko.example.org
        lhost-v5sendmail-04      | hard kijitora@example.ed.jp, hard mikeneko@example.ac.jp
        lhost-v5sendmail-06      | soft kijitora@example.edu
        lhost-verizon-01         | hard 0000000000@vzwpix.com
        lhost-x1-01              | hard kijitora@example.co.jp
        lhost-x1-03              | hard kijitora@example.org
        lhost-x2-01              | hard kijitora@example.co.jp
        lhost-x2-03              | soft kijitora@example.org
        lhost-x2-05              | soft kijitora@y.example.com
        lhost-x2-07              | soft kijitora@example.co.jp
        lhost-x3-02              | soft kijitora@example.co.jp
        lhost-x3-05              | soft kijitora@example.or.jp
        lhost-x4-01              | soft kijitora@example.com
        lhost-x6-01              | soft kijitora@nyaan.example.org
        lhost-yahoo-01           | hard kijitora@example.org
        lhost-yahoo-03           | hard kijitora@example.jp
        lhost-yahoo-05           | hard kijitora@example.co.jp
        lhost-yahoo-07           | hard otsu-sakaba-hunter-neko-nyaaaaaaan@ezweb.ne.jp
        lhost-yahoo-09           | hard neko@libsisimai.org
        lhost-yahoo-11           | blocked kijitora@example.jp
        lhost-yahoo-13           | soft neko@sijo.example.jp
        lhost-yandex-01          | hard kijitora@example.jp
        lhost-yandex-03          | soft kijitora@6jo.example.jp
        lhost-zoho-02            | hard mikeneko@example.co.jp, soft sabineko@example.co.jp
        lhost-zoho-04            | soft kijitora@6kaku.example.co.jp
        rfc3464-01               | hard userunknown@bouncehammer.jp
        rfc3464-04               | soft kijitora@mailx-53.neko.example.edu
        rfc3464-07               | delay
        rfc3464-09               | delay
        rfc3464-26               | hard kijitora@example.or.jp
        rfc3464-29               | soft kijitora@example.com
        rfc3464-35               | soft kijitora@nyaan.example.com, hard mikeneko@neko.example.or.jp
        rfc3464-37               | hard kijitora@neko.nyaan.example.com
        rfc3464-39               | soft kijitora@nyaan.example.net
        rfc3464-42               | hard jane.doe@some-domain.net
        rfc3464-51               | blocked kijitora@example.de
        rfc3464-53               | hard sironeko@example.jp
        rfc3464-55               | delay
        rfc3464-57               | hard otsu-sakaba-hunter-neko-nyaaaaaaan@ezweb.ne.jp
        rfc3464-59               | soft neko@libsisimai.org
        rfc3464-61               | blocked kijitora@example.com
        rfc3464-63               | hard libsisimai-2@googlegroups.com
        rfc3464-65               | hard kijitora@example.it
        rfc3834-01               | not-bounce
        rfc3834-03               | not-bounce
        rfc3834-05               | not-bounce
        rhost-aol-01             | hard kijitora@example.jp
        rhost-aol-03             | soft sabineko@example.jp, hard mikeneko@example.jp
        rhost-aol-05             | hard nyan@haineko.org
        rhost-apple-01           | hard kijitora@example.jp
        rhost-apple-03           | soft pseudo-local-part-of-apple-icloud-mail@icloud.com
        rhost-apple-05           | hard test-of-zhzkndneko@privaterelay.appleid.com
        rhost-cox-01             | blocked recipient55@cox.net
        rhost-facebook-04        | hard kijitora@facebook.com
        rhost-franceptt-02       | hard pseudo-local-part-kijitora-nyaaan@laposte.net
        rhost-franceptt-04       | blocked xxxx@xxxx.fr
        rhost-franceptt-06       | blocked xxxx@orange.fr
        rhost-franceptt-08       | soft xxxx@wanadoo.fr
        rhost-franceptt-11       | soft xxxx@laposte.net
        rhost-godaddy-02         | blocked kijitora@example.com
        rhost-google-01          | hard shironeko@example.ne.jp
        rhost-google-03          | blocked neko@example.co.jp
        rhost-google-05          | soft kijitora@google.example.com
        rhost-google-07          | hard kijitora-cat@google.example.com
        rhost-gsuite-01          | blocked kijitora@example.de
        rhost-gsuite-03          | soft neko@libsisimai.org
        rhost-gsuite-05          | hard sotoneko@haineko.org
        rhost-gsuite-07          | soft siro@neko1.nyaan.jp
        rhost-gsuite-09          | hard otsu-sakaba-hunter-neko-nyaaaaaaan@ezweb.ne.jp
        rhost-gsuite-11          | blocked kijitora@example.jp
        rhost-gsuite-13          | soft nekonyaan@gmal.com
        rhost-gsuite-15          | hard maildebug@example.jpn
        rhost-kddi-01            | hard otsu-sakaba-hunter-neko-nyaaaaaaan@ezweb.ne.jp
        rhost-messagelabs-01     | blocked kijitora@example.messagelabs.com
        rhost-messagelabs-03     | blocked kijitora@example.com
        rhost-microsoft-02       | blocked kijitora@example.org
        rhost-microsoft-04       | blocked pseudo-local-part-of-microsoft@outlook.com
        rhost-microsoft-06       | blocked sabineko@example.onmicrosoft.com
        rhost-mimecast-02        | blocked kijitora@sample.co.uk
        rhost-nttdocomo-02       | hard azumakuniyuki@ntt.docomo.example.ne.jp
        rhost-outlook-01         | soft kijitora@example.jp
        rhost-outlook-03         | soft kijitora@example.jp
        rhost-outlook-06         | delay
        rhost-outlook-08         | hard kijitora@hotmail.example.com
        rhost-spectrum-01        | blocked theusername@charter.net
        rhost-tencent-02         | blocked neko@qq.example.com
        rhost-yahooinc-01        | blocked kijitora@aol.example.jp
        rhost-yahooinc-03        | hard this-local-part-does-not-exist@yahoo.com
        rhost-zoho-02            | blocked kijitora@zoho.example.com
        rhost-zoho-04            | blocked kijitora@zoho.example.com
        is-not-bounce-01         | not-bounce
        is-not-bounce-02         | not-bounce
        """;

    public static IReadOnlyDictionary<string, string> Outcomes { get; } =
        Table.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split('|', 2, StringSplitOptions.TrimEntries))
            .ToDictionary(parts => parts[0], parts => parts[1]);
}
