<?php
/**
 * Main plugin file.
 *
 * @wordpress-plugin
 * Plugin Name: Event Tickets Lite
 * Plugin URI:  https://example.net/event-tickets-lite
 * Description: Sell tickets for events. Includes a "Buy now" button & a QR code on each ticket <em>(beta)</em>.
 * Version:     10.0.3
 * Author:      Example Events, Inc.
 * Author URI:  https://example.net
 * Text Domain: event-tickets-lite
 * Domain Path: /lang
 * License:     GPL-3.0+
 */

namespace Example\EventTickets;

final class Plugin {
	const VERSION = '10.0.3';
}
