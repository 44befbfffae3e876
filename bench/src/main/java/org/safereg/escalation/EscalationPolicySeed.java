package org.safereg.escalation;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.safereg.support.DecisionTableWorkbook;

/**
 * Writes the seed {@code decision-tables/escalation-policy.xlsx}. The workbook in the repository is the
 * policy and policy staff edit it directly; this class records how the seed was made and can re-create it:
 * run its main with the repository root as working directory.
 */
public final class EscalationPolicySeed {

    static final String SHEET = "Escalation policy";

    static final String NOTES =
            """
            Escalation (逐级推送): whom to notify next, and when to order an enforcement task (执法任务). Every row is \
            checked once a minute (safereg.escalation.period); each recipient is notified once per alarm or hazard \
            and each task ordered once per cause, however often the rows match. Recipients: SAFETY_OFFICER \
            enterprise safety officer 安全员, PRINCIPAL enterprise principal 主要负责人, COUNTY / CITY / PROVINCE the \
            regulator of the enterprise's county, its city, its province. Channels: SMS, PHONE, APP. Alarm levels: \
            0 early warning 预警, 1 level-1 一级, 2 level-2 二级, 3 cut-off 切断. An acknowledged alarm is no \
            longer escalated (alarms latch until a person acknowledges them, GB/T 50493-2019). Minutes without \
            acknowledgement: the national hazardous-chemicals monitoring system pushes alarms to the enterprise \
            and to the county, city and province tiers in a closed loop, but its handling time limits are not \
            published: the minutes here are policy parameters. Repeated alarms: window in minutes and the number \
            of alarms of one monitoring point inside it (this one included), e.g. "60, 3"; windows up to \
            safereg.escalation.repeat-lookback (24 h) are seen. Overdue hazards: days past the rectification \
            deadline. A major hazard (重大事故隐患) past its deadline is an enforcement inspection under posted \
            supervision (挂牌督办): failure to eliminate a hazard is ordered corrected and fined up to 50,000 yuan, \
            refusal suspends production (Work Safety Law 2021 Art. 102, WSL-102); the acceptance check falls within \
            10 days of the deadline, hence due within 10 days. A credit tier falling to D (严重失信, serious \
            dishonesty list, MEM Order No. 11, 2023) puts the enterprise under key supervision (重点监管). Task \
            types: ON_SITE_INSPECTION, ENFORCEMENT_INSPECTION, POSTED_SUPERVISION, KEY_SUPERVISION, \
            RECTIFICATION_REVIEW; priority 1 is the most urgent. Platform screening (平台筛查): a self-check graded \
            general whose description matches a major-hazard criterion of hazard-types.xlsx waits for department \
            verification (部门核查) until it is confirmed or dismissed; hours since it was flagged. Departments must \
            put major hazards under supervision until eliminated (Work Safety Law 2021 Art. 41, WSL-41): the \
            county verifies on site within 7 days, the city hears of a flag left 72 hours.""";

    private EscalationPolicySeed() {}

    public static byte[] workbook() {
        String pkg = "org.safereg.escalation.rules";
        List<String> imports = List.of(
                "org.safereg.escalation.AlarmSituation",
                "org.safereg.escalation.HazardSituation",
                "org.safereg.escalation.ScreeningFlag",
                "org.safereg.escalation.TierChange");
        List<String> notify = List.of("a.escalateTo(\"$param\");", "a.via(\"$param\");");
        return new DecisionTableWorkbook()
                .sheet(SHEET, pkg, imports, NOTES)
                .table(
                        "Unacknowledged alarms",
                        List.of("DESCRIPTION", "CONDITION", "CONDITION", "ACTION", "ACTION"),
                        List.of("", "a: AlarmSituation", "a: AlarmSituation", "", ""),
                        List.of("", "level == $param", "minutesUnacknowledged >= $param", notify.get(0), notify.get(1)),
                        List.of(
                                "说明 Description",
                                "报警级别 Alarm level",
                                "未确认(分钟) Unacknowledged for (min)",
                                "通知 Notify",
                                "渠道 Channel"))
                .row("切断 cut-off: safety officer at once", 3, 0, "SAFETY_OFFICER", "PHONE")
                .row("切断 cut-off: principal at once", 3, 0, "PRINCIPAL", "PHONE")
                .row("切断 cut-off: county after 5 min", 3, 5, "COUNTY", "PHONE")
                .row("切断 cut-off: city after 15 min", 3, 15, "CITY", "PHONE")
                .row("切断 cut-off: province after 30 min", 3, 30, "PROVINCE", "PHONE")
                .row("二级 level-2: safety officer at once", 2, 0, "SAFETY_OFFICER", "SMS")
                .row("二级 level-2: principal after 5 min", 2, 5, "PRINCIPAL", "PHONE")
                .row("二级 level-2: county after 15 min", 2, 15, "COUNTY", "SMS")
                .row("二级 level-2: city after 30 min", 2, 30, "CITY", "SMS")
                .row("二级 level-2: province after 60 min", 2, 60, "PROVINCE", "SMS")
                .row("一级 level-1: safety officer at once", 1, 0, "SAFETY_OFFICER", "SMS")
                .row("一级 level-1: principal after 15 min", 1, 15, "PRINCIPAL", "SMS")
                .row("一级 level-1: county after 30 min", 1, 30, "COUNTY", "APP")
                .row("一级 level-1: city after 60 min", 1, 60, "CITY", "APP")
                .row("一级 level-1: province after 120 min", 1, 120, "PROVINCE", "APP")
                .row("预警 early warning: safety officer at once", 0, 0, "SAFETY_OFFICER", "APP")
                .row("预警 early warning: principal after 30 min", 0, 30, "PRINCIPAL", "SMS")
                .blankRow()
                .table(
                        "Repeated alarms",
                        List.of("DESCRIPTION", "CONDITION", "CONDITION", "ACTION", "ACTION"),
                        List.of("", "a: AlarmSituation", "a: AlarmSituation", "", ""),
                        List.of("", "level >= $param", "repeatsWithin($1) >= $2", notify.get(0), notify.get(1)),
                        List.of(
                                "说明 Description",
                                "最低级别 Level at least",
                                "窗口(分钟), 次数 Window (min), alarms",
                                "通知 Notify",
                                "渠道 Channel"))
                .row("频繁报警 3 alarms of one point within an hour: county", 1, "60, 3", "COUNTY", "SMS")
                .row("频繁报警 10 alarms of one point within a day: city", 1, "1440, 10", "CITY", "SMS")
                .blankRow()
                .table(
                        "Overdue hazard reminders",
                        List.of("DESCRIPTION", "CONDITION", "CONDITION", "ACTION", "ACTION"),
                        List.of("", "h: HazardSituation", "h: HazardSituation", "", ""),
                        List.of(
                                "",
                                "grade == \"$param\"",
                                "daysOverdue >= $param",
                                "h.escalateTo(\"$param\");",
                                "h.via(\"$param\");"),
                        List.of("说明 Description", "隐患级别 Grade", "逾期(天) Days overdue", "通知 Notify", "渠道 Channel"))
                .row("一般隐患逾期 general hazard overdue: safety officer", "GENERAL", 1, "SAFETY_OFFICER", "SMS")
                .row("一般隐患逾期 3 天: principal", "GENERAL", 3, "PRINCIPAL", "SMS")
                .row("一般隐患逾期 7 天: county", "GENERAL", 7, "COUNTY", "APP")
                .row("重大隐患逾期 major hazard overdue: principal", "MAJOR", 1, "PRINCIPAL", "PHONE")
                .row("重大隐患逾期 major hazard overdue: county", "MAJOR", 1, "COUNTY", "SMS")
                .blankRow()
                .table(
                        "Overdue hazard tasks",
                        List.of(
                                "DESCRIPTION",
                                "CONDITION",
                                "CONDITION",
                                "ACTION",
                                "ACTION",
                                "ACTION",
                                "ACTION",
                                "ACTION"),
                        List.of("", "h: HazardSituation", "h: HazardSituation", "", "", "", "", ""),
                        List.of(
                                "",
                                "grade == \"$param\"",
                                "daysOverdue >= $param",
                                "h.order(\"$param\");",
                                "h.priority($param);",
                                "h.dueWithinDays($param);",
                                "h.legalBasis(\"$param\");",
                                "h.postedSupervision($param);"),
                        List.of(
                                "说明 Description",
                                "隐患级别 Grade",
                                "逾期(天) Days overdue",
                                "任务 Task type",
                                "优先级 Priority",
                                "期限(天) Due within (days)",
                                "法律依据 Legal basis",
                                "挂牌督办 Posted supervision"))
                .row("WSL Art.102 重大隐患逾期未整改 执法检查 挂牌督办", "MAJOR", 1, "ENFORCEMENT_INSPECTION", 1, 10, "WSL-102", "true")
                .row("WSL Art.102 一般隐患逾期 30 天 现场检查", "GENERAL", 30, "ON_SITE_INSPECTION", 3, 30, "WSL-102", "false")
                .blankRow()
                .table(
                        "Platform screening flags",
                        List.of("DESCRIPTION", "CONDITION", "ACTION", "ACTION"),
                        List.of("", "s: ScreeningFlag", "", ""),
                        List.of("", "hoursWaiting >= $param", "s.escalateTo(\"$param\");", "s.via(\"$param\");"),
                        List.of("说明 Description", "已等待(小时) Hours waiting", "通知 Notify", "渠道 Channel"))
                .row("疑似重大隐患待核查: county at once", 0, "COUNTY", "APP")
                .row("疑似重大隐患 72 小时未核查: city", 72, "CITY", "SMS")
                .blankRow()
                .table(
                        "Platform screening tasks",
                        List.of("DESCRIPTION", "CONDITION", "ACTION", "ACTION", "ACTION", "ACTION", "ACTION"),
                        List.of("", "s: ScreeningFlag", "", "", "", "", ""),
                        List.of(
                                "",
                                "hoursWaiting >= $param",
                                "s.order(\"$param\");",
                                "s.priority($param);",
                                "s.dueWithinDays($param);",
                                "s.legalBasis(\"$param\");",
                                "s.postedSupervision($param);"),
                        List.of(
                                "说明 Description",
                                "已等待(小时) Hours waiting",
                                "任务 Task type",
                                "优先级 Priority",
                                "期限(天) Due within (days)",
                                "法律依据 Legal basis",
                                "挂牌督办 Posted supervision"))
                .row(
                        "WSL Art.41 部门核查 department verification on site",
                        0,
                        "ON_SITE_INSPECTION",
                        2,
                        7,
                        "WSL-41",
                        "false")
                .blankRow()
                .table(
                        "Credit tier falls",
                        List.of("DESCRIPTION", "CONDITION", "ACTION", "ACTION", "ACTION", "ACTION", "ACTION"),
                        List.of("", "c: TierChange", "", "", "", "", ""),
                        List.of(
                                "",
                                "fellTo(\"$param\")",
                                "c.order(\"$param\");",
                                "c.priority($param);",
                                "c.dueWithinDays($param);",
                                "c.legalBasis(\"$param\");",
                                "c.postedSupervision($param);"),
                        List.of(
                                "说明 Description",
                                "降至等级 Fell to tier",
                                "任务 Task type",
                                "优先级 Priority",
                                "期限(天) Due within (days)",
                                "法律依据 Legal basis",
                                "挂牌督办 Posted supervision"))
                .row("MEM Order 11 严重失信 D: key supervision 重点监管", "D", "KEY_SUPERVISION", 2, 30, "MEM-11", "false")
                .examples(
                        """
                        每行是一个情形：未确认的报警、逾期隐患、平台筛查标记或信用等级变化，右侧为规则必须发出的通知（接收人/渠道）和\
                        执法任务（类型 优先级 期限 依据），按字母排序、逗号分隔，没有则写 NONE；任一案例不通过，该版本不能\
                        激活。 Each row is a situation and the notices (recipient/channel) and tasks (type, priority, days, \
                        legal basis) the table must make for it, sorted and comma-separated, NONE when there are none.""",
                        List.of(
                                "NAME",
                                "INPUT situation",
                                "INPUT alarmLevel",
                                "INPUT minutesUnacknowledged",
                                "INPUT hazardGrade",
                                "INPUT daysOverdue",
                                "INPUT tier",
                                "INPUT previousTier",
                                "EXPECT notify",
                                "EXPECT order",
                                "INPUT hoursWaiting"),
                        List.of(
                                "案例 Case",
                                "情形 Situation (ALARM / HAZARD / TIER)",
                                "报警级别 Alarm level",
                                "未确认分钟 Minutes unacknowledged",
                                "隐患级别 Hazard grade",
                                "逾期天数 Days overdue",
                                "信用等级 Tier",
                                "原等级 Previous tier",
                                "期望通知 Expected notices",
                                "期望任务 Expected tasks",
                                "筛查等待小时 Hours a screening flag waited"))
                .row(
                        "二级报警刚发生 a level-2 alarm just raised",
                        "ALARM",
                        2,
                        0,
                        null,
                        null,
                        null,
                        null,
                        "SAFETY_OFFICER/SMS",
                        "NONE")
                .row(
                        "二级报警 15 分钟未确认",
                        "ALARM",
                        2,
                        15,
                        null,
                        null,
                        null,
                        null,
                        "COUNTY/SMS, PRINCIPAL/PHONE, SAFETY_OFFICER/SMS",
                        "NONE")
                .row(
                        "切断 4 分钟未确认",
                        "ALARM",
                        3,
                        4,
                        null,
                        null,
                        null,
                        null,
                        "PRINCIPAL/PHONE, SAFETY_OFFICER/PHONE",
                        "NONE")
                .row("一级报警 14 分钟未确认", "ALARM", 1, 14, null, null, null, null, "SAFETY_OFFICER/SMS", "NONE")
                .row(
                        "一般隐患逾期 3 天",
                        "HAZARD",
                        null,
                        null,
                        "GENERAL",
                        3,
                        null,
                        null,
                        "PRINCIPAL/SMS, SAFETY_OFFICER/SMS",
                        "NONE")
                .row(
                        "重大隐患逾期 1 天 挂牌督办",
                        "HAZARD",
                        null,
                        null,
                        "MAJOR",
                        1,
                        null,
                        null,
                        "COUNTY/SMS, PRINCIPAL/PHONE",
                        "ENFORCEMENT_INSPECTION P1 10d WSL-102 posted")
                .row(
                        "一般隐患逾期 30 天 现场检查",
                        "HAZARD",
                        null,
                        null,
                        "GENERAL",
                        30,
                        null,
                        null,
                        "COUNTY/APP, PRINCIPAL/SMS, SAFETY_OFFICER/SMS",
                        "ON_SITE_INSPECTION P3 30d WSL-102")
                .row("信用降为 D 重点监管", "TIER", null, null, null, null, "D", "B", "NONE", "KEY_SUPERVISION P2 30d MEM-11")
                .row("信用降为 C 不派任务", "TIER", null, null, null, null, "C", "B", "NONE", "NONE")
                .row(
                        "平台筛查疑似重大隐患 部门核查",
                        "SCREENING",
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        "COUNTY/APP",
                        "ON_SITE_INSPECTION P2 7d WSL-41",
                        0)
                .row(
                        "疑似重大隐患 72 小时未核查",
                        "SCREENING",
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        "CITY/SMS, COUNTY/APP",
                        "ON_SITE_INSPECTION P2 7d WSL-41",
                        72)
                .toBytes();
    }

    public static void main(String[] args) throws Exception {
        Path target = Path.of(args.length > 0 ? args[0] : "decision-tables/escalation-policy.xlsx");
        Files.write(target, workbook());
        System.out.println("wrote " + target.toAbsolutePath());
    }
}
