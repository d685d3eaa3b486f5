using System.CommandLine;
using System.Globalization;
using PluginTests.Client;
using Spectre.Console;

namespace PluginApis.Cli;

/// <summary><c>pluginapis webhooks list|create|delete</c>: your PluginTests webhooks.</summary>
internal static class WebhooksCommand
{
    public static Command Create(CliApp app)
    {
        var command = new Command("webhooks", "List and manage your PluginTests webhooks.");
        command.Subcommands.Add(List(app));
        command.Subcommands.Add(CreateWebhook(app));
        command.Subcommands.Add(Delete(app));
        return command;
    }

    private static Command List(CliApp app)
    {
        var command = new Command("list", "List your webhooks.");
        app.SetAction(command, async (session, _, cancellationToken) =>
        {
            var client = await session.PluginTestsAsync(cancellationToken).ConfigureAwait(false);
            var webhooks = await client.ListWebhooksAsync(cancellationToken).ConfigureAwait(false);
            var output = new WebhooksOutput([.. webhooks.Select(w => w.ToOutput())]);
            if (session.Json)
            {
                session.WriteJson(output, CliJson.Context.WebhooksOutput);
                return ExitCodes.Success;
            }

            var table = new Table().AddColumn("id").AddColumn("url").AddColumn("event").AddColumn("created");
            foreach (var hook in output.Webhooks)
            {
                table.AddRow(Markup.Escape(hook.Id ?? "-"), Markup.Escape(hook.Url ?? "-"), Markup.Escape(hook.EventType ?? "all"),
                    Markup.Escape(hook.CreatedAt?.ToString("u", CultureInfo.InvariantCulture) ?? "-"));
            }

            session.Console.Write(table);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command CreateWebhook(CliApp app)
    {
        var url = new Argument<Uri>("url")
        {
            Description = "The absolute http(s) URL that receives the events.",
            CustomParser = static result => HttpUrlParser.Parse(result, "The webhook URL")!,
        };
        var eventType = new Option<string?>("--event") { Description = "Only this event; without it, all events.", HelpName = "type" };
        eventType.AcceptOnlyFromAmong("test_finished", "first_test_finished");
        var command = new Command("create", "Create a webhook.") { url, eventType };
        app.SetAction(command, async (session, parse, cancellationToken) =>
        {
            var client = await session.PluginTestsAsync(cancellationToken).ConfigureAwait(false);
            WebhookEventType? type = parse.GetValue(eventType) switch
            {
                "test_finished" => WebhookEventType.TestFinished,
                "first_test_finished" => WebhookEventType.FirstTestFinished,
                _ => null,
            };
            var hook = await client.CreateWebhookAsync(parse.GetRequiredValue(url), type, cancellationToken).ConfigureAwait(false);
            session.WriteDone("created", hook.Id ?? string.Empty, $"Created webhook {hook.Id} for {hook.Url} ({hook.EventType ?? "all events"}).");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Delete(CliApp app)
    {
        var id = new Argument<string>("id") { Description = "The webhook id (from 'webhooks list')." };
        var command = new Command("delete", "Delete a webhook.") { id };
        app.SetAction(command, async (session, parse, cancellationToken) =>
        {
            var client = await session.PluginTestsAsync(cancellationToken).ConfigureAwait(false);
            var webhookId = parse.GetRequiredValue(id);
            await client.DeleteWebhookAsync(webhookId, cancellationToken).ConfigureAwait(false);
            session.WriteDone("deleted", webhookId, $"Deleted webhook {webhookId}.");
            return ExitCodes.Success;
        });
        return command;
    }
}
