using System.Text.Json;

namespace PluginTests.Client.Tests;

/// <summary>A table's columns, an option's autoload, a report's errors and the root's lists, in every form they are read.</summary>
public sealed class EntityFieldTests
{
    [Theory]
    [InlineData("""["id","comment_id"]""", "id|comment_id", "|")]
    [InlineData("""[{"name":"id","type":"bigint(20)"},{"name":"comment_id"}]""", "id|comment_id", "bigint(20)|")]
    [InlineData("""{"id":"bigint(20)","comment_id":null}""", "id|comment_id", "bigint(20)|")]
    [InlineData("""{"id":{"type":"bigint(20)","nullable":false}}""", "id", "bigint(20)")]
    [InlineData("""["id",null,"",{"name":"comment_id","type":"int"},7]""", "id|comment_id|7", "|int|")]
    [InlineData("null", "", "")]
    [InlineData("false", "", "")]
    [InlineData("[]", "", "")]
    public void Columns_are_read_from_names_objects_and_maps(string json, string names, string types)
    {
        var columns = GuessedFields.Read<PluginEntity>("columns", json).Columns;
        Assert.Equal(names, string.Join('|', columns.Select(c => c.Name)));
        Assert.Equal(types, string.Join('|', columns.Select(c => c.Type)));
    }

    [Fact]
    public void Column_fields_the_model_does_not_know_are_kept()
    {
        var column = Assert.Single(GuessedFields.Read<PluginEntity>("columns", """[{"name":"id","key":"PRI"}]""").Columns);
        Assert.Equal("PRI", column.ExtensionData!["key"].GetString());
    }

    [Theory]
    [InlineData("\"id\"")]
    [InlineData("3")]
    [InlineData("true")]
    [InlineData("[[\"id\"]]")]
    [InlineData("[true]")]
    public void Columns_of_another_kind_fail(string json) =>
        Assert.Throws<JsonException>(() => GuessedFields.Read<PluginEntity>("columns", json));

    [Fact]
    public void Missing_columns_are_an_empty_list() => Assert.Empty(GuessedFields.Read<PluginEntity>("""{"name":"x"}""").Columns);

    [Theory]
    [InlineData("true", true)]
    [InlineData("false", false)]
    [InlineData("1", true)]
    [InlineData("0", false)]
    [InlineData("\"1\"", true)]
    [InlineData("\"0\"", false)]
    [InlineData("\"yes\"", true)]
    [InlineData("\"no\"", false)]
    [InlineData("\"on\"", true)]
    [InlineData("\"off\"", false)]
    [InlineData("\"auto-on\"", true)]
    [InlineData("\"auto-off\"", false)]
    [InlineData("\"TRUE\"", true)]
    [InlineData("\"False\"", false)]
    [InlineData("\"auto\"", null)]
    [InlineData("\"\"", null)]
    [InlineData("null", null)]
    public void Autoload_reads_booleans_numbers_and_wordpress_values(string json, bool? expected) =>
        Assert.Equal(expected, GuessedFields.Read<PluginEntity>("autoload", json).Autoload);

    [Theory]
    [InlineData("2")]
    [InlineData("\"maybe\"")]
    [InlineData("{}")]
    [InlineData("[]")]
    public void Autoload_of_another_value_fails(string json) =>
        Assert.Throws<JsonException>(() => GuessedFields.Read<PluginEntity>("autoload", json));

    [Fact]
    public void Errors_are_read_from_objects_and_bare_messages_skipping_nulls()
    {
        var errors = GuessedFields.Read<PluginReport>("errors", """[{"type":"php_warning","message":"m","line":"12"},null,"PHP Notice: x"]""").Errors;
        Assert.Equal(2, errors.Count);
        Assert.Equal(("php_warning", "m", 12), (errors[0].Type, errors[0].Message, errors[0].Line));
        Assert.Equal(((string?)null, "PHP Notice: x"), (errors[1].Type, errors[1].Message));
    }

    [Theory]
    [InlineData("null")]
    [InlineData("false")]
    [InlineData("[]")]
    public void No_errors_is_an_empty_list(string json) => Assert.Empty(GuessedFields.Read<PluginReport>("errors", json).Errors);

    [Theory]
    [InlineData("3")]
    [InlineData("\"none\"")]
    [InlineData("{}")]
    [InlineData("[1]")]
    public void Errors_of_another_kind_fail(string json) =>
        Assert.Throws<JsonException>(() => GuessedFields.Read<PluginReport>("errors", json));

    [Fact]
    public void Root_lists_keep_strings_and_numbers_and_skip_none()
    {
        var root = GuessedFields.Read<ServiceRoot>("""{"resources":["/user",null,"",7],"permissions":null}""");
        Assert.Equal(["/user", "7"], root.Resources);
        Assert.Empty(root.Permissions);
        Assert.Throws<JsonException>(() => GuessedFields.Read<ServiceRoot>("""{"resources":[{"path":"/user"}]}"""));
        Assert.Throws<JsonException>(() => GuessedFields.Read<ServiceRoot>("""{"permissions":"plugins:read"}"""));
    }

    [Fact]
    public void Columns_are_written_as_objects_and_read_back()
    {
        var entity = new PluginEntity { Name = "wp_x", Columns = [new TableColumn { Name = "id", Type = "int" }, new TableColumn { Name = "v" }] };
        var json = JsonSerializer.Serialize(entity, PluginTestsJsonContext.Default.PluginEntity);
        Assert.Equal("""{"name":"wp_x","columns":[{"name":"id","type":"int"},{"name":"v"}]}""", json);
        Assert.Equal(["id int", "v"], GuessedFields.Read<PluginEntity>(json).Columns.Select(c => c.ToString()));
    }
}
