namespace Cases.Domain.Regions;

/// <summary>Which holiday calendar and counting law a region follows (节假日与期间计算规则).</summary>
public enum RegionCalendarKind
{
    /// <summary>One national schedule of holidays and adjusted working days (调休).</summary>
    Mainland = 1,

    /// <summary>Hong Kong general holidays, Sundays and warning days (Cap. 1 s. 71).</summary>
    HongKong = 2,

    /// <summary>Macao public and government holidays (DL 7/97/M).</summary>
    Macao = 3,
}
