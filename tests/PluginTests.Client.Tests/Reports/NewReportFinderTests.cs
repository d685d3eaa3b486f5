namespace PluginTests.Client.Tests;

public sealed class NewReportFinderTests
{
    private static readonly DateTimeOffset QueuedAt = new(2026, 11, 1, 10, 0, 0, 700, TimeSpan.Zero);

    private static PluginReport Report(string slug, DateTimeOffset? testedAt) => new() { Slug = slug, TestedAt = testedAt };

    [Fact]
    public void Reports_tested_before_the_queueing_are_not_new()
    {
        var finder = new NewReportFinder(QueuedAt);

        Assert.Null(finder.Find([Report("old", QueuedAt.AddSeconds(-2)), Report("older", QueuedAt.AddDays(-1))]));
    }

    [Fact]
    public void A_report_in_the_same_second_as_a_sub_second_queue_time_is_new()
    {
        // The service's timestamps have whole seconds: 10:00:00Z for a test that ran at 10:00:00.9.
        var finder = new NewReportFinder(QueuedAt);

        Assert.Equal("same-second", finder.Find([Report("same-second", new DateTimeOffset(2026, 11, 1, 10, 0, 0, TimeSpan.Zero))])?.Slug);
    }

    [Fact]
    public void Of_several_new_reports_the_earliest_is_the_queued_run()
    {
        var finder = new NewReportFinder(QueuedAt);

        var found = finder.Find([Report("later", QueuedAt.AddMinutes(9)), Report("first", QueuedAt.AddMinutes(2)), Report("old", QueuedAt.AddMinutes(-5))]);

        Assert.Equal("first", found?.Slug);
    }

    [Fact]
    public void An_undated_report_already_listed_at_the_first_poll_is_not_new()
    {
        var finder = new NewReportFinder(QueuedAt);

        Assert.Null(finder.Find([Report("undated-old", null)]));
        Assert.Null(finder.Find([Report("undated-old", null)]));
    }

    [Fact]
    public void An_undated_report_that_appears_after_the_first_poll_is_new()
    {
        var finder = new NewReportFinder(QueuedAt);
        Assert.Null(finder.Find([Report("undated-old", null)]));

        Assert.Equal("undated-new", finder.Find([Report("undated-old", null), Report("undated-new", null)])?.Slug);
    }

    [Fact]
    public void A_dated_match_is_preferred_over_an_undated_newcomer()
    {
        var finder = new NewReportFinder(QueuedAt);
        Assert.Null(finder.Find([]));

        Assert.Equal("dated", finder.Find([Report("undated-new", null), Report("dated", QueuedAt.AddMinutes(1))])?.Slug);
    }

    [Fact]
    public void A_report_with_neither_date_nor_slug_is_ignored()
    {
        var finder = new NewReportFinder(QueuedAt);
        Assert.Null(finder.Find([]));

        Assert.Null(finder.Find([new PluginReport { PluginVersion = "1.0.0" }]));
    }
}
