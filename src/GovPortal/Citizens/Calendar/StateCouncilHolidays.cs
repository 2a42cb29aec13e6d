namespace GovPortal.Citizens.Calendar;

/// <summary>
/// The State Council's holiday arrangements the portal ships, written into the calendar on first start when the
/// year has no days yet. An administrator changes them (and adds later years) on the 工作日历 page; these are never
/// written over an administrator's entries.
/// </summary>
public static class StateCouncilHolidays
{
    public sealed record Year(int Number, string Source, IReadOnlyList<CalendarDay> Days);

    public static IReadOnlyList<Year> Defaults { get; } = [Of2025(), Of2026()];

    // 《国务院办公厅关于2025年部分节假日安排的通知》（国办发明电〔2024〕12号，2024年11月12日）.
    private static Year Of2025() => new(2025, "国办发明电〔2024〕12号",
    [
        .. Rest(2025, 1, 1, 1, "元旦"),
        // 春节: 1月28日（除夕）至2月4日放假调休，共8天；1月26日（周日）、2月8日（周六）上班。
        .. Rest(2025, 1, 28, 8, "春节"),
        Work(2025, 1, 26), Work(2025, 2, 8),
        .. Rest(2025, 4, 4, 3, "清明节"),
        // 劳动节: 5月1日至5日放假调休，共5天；4月27日（周日）上班。
        .. Rest(2025, 5, 1, 5, "劳动节"),
        Work(2025, 4, 27),
        .. Rest(2025, 5, 31, 3, "端午节"),
        // 国庆节、中秋节（10月6日）合并: 10月1日至8日放假调休，共8天；9月28日（周日）、10月11日（周六）上班。
        .. Rest(2025, 10, 1, 8, "国庆节、中秋节"),
        Work(2025, 9, 28), Work(2025, 10, 11),
    ]);

    // 《国务院办公厅关于2026年部分节假日安排的通知》（国务院办公厅2025年11月4日发布，新华社同日受权播发）.
    // The notice's document number (国办发明电〔2025〕…号) was not confirmed from a reliable copy, so the source
    // names the notice by its title and date.
    private static Year Of2026() => new(2026, "国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日）",
    [
        // 元旦: 1月1日至3日放假调休，共3天；1月4日（周日）上班。
        .. Rest(2026, 1, 1, 3, "元旦"),
        Work(2026, 1, 4),
        // 春节: 2月15日（腊月二十八）至23日放假调休，共9天；2月14日（周六）、2月28日（周六）上班。
        .. Rest(2026, 2, 15, 9, "春节"),
        Work(2026, 2, 14), Work(2026, 2, 28),
        .. Rest(2026, 4, 4, 3, "清明节"),
        // 劳动节: 5月1日至5日放假调休，共5天；5月9日（周六）上班。
        .. Rest(2026, 5, 1, 5, "劳动节"),
        Work(2026, 5, 9),
        .. Rest(2026, 6, 19, 3, "端午节"),
        .. Rest(2026, 9, 25, 3, "中秋节"),
        // 国庆节: 10月1日至7日放假调休，共7天；9月20日（周日）、10月10日（周六）上班。
        .. Rest(2026, 10, 1, 7, "国庆节"),
        Work(2026, 9, 20), Work(2026, 10, 10),
    ]);

    private static IEnumerable<CalendarDay> Rest(int year, int month, int day, int count, string name) =>
        Enumerable.Range(0, count).Select(i => new CalendarDay
        {
            Date = new DateOnly(year, month, day).AddDays(i), IsWorkingDay = false, Name = name,
        });

    private static CalendarDay Work(int year, int month, int day) =>
        new() { Date = new DateOnly(year, month, day), IsWorkingDay = true, Name = "调休上班" };
}
