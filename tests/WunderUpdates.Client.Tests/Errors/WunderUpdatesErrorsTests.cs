using Xunit;

namespace WunderUpdates.Client.Tests.Errors;

public class WunderUpdatesErrorsTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("<html></html>")]
    [InlineData("{\"message\":")]
    [InlineData("\"just a string\"")]
    [InlineData("{\"message\":{\"nested\":true},\"status\":\"abc\"}")]
    public void Anything_that_is_not_a_usable_JSON_object_yields_nothing_and_does_not_throw(string? body)
    {
        Assert.Equal(default, WunderUpdatesErrors.Parse(body));
    }

    [Fact]
    public void The_message_field_wins_over_an_error_string()
    {
        var (code, message, status) = WunderUpdatesErrors.Parse("{\"status\":422,\"message\":\"Readable\",\"error\":\"Other text here\"}");

        Assert.Null(code);
        Assert.Equal("Readable", message);
        Assert.Equal(422, status);
    }
}
