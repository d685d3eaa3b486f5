<?php
/**
 * Plugin Name:       Acme Order Notes
 * Plugin URI:        https://example.com/plugins/acme-order-notes/
 * Description:       Adds private notes to orders and shows them in the order list.
 * Version:           2.4.1
 * Requires at least: 6.0
 * Requires PHP:      7.4
 * Author:            Acme Software
 * Author URI:        https://example.com/
 * License:           GPL v2 or later
 * License URI:       https://www.gnu.org/licenses/gpl-2.0.html
 * Update URI:        https://updates.example.com/acme-order-notes
 * Text Domain:       acme-order-notes
 * Domain Path:       /languages
 * Requires Plugins:  woocommerce
 */

defined( 'ABSPATH' ) || exit;

define( 'ACME_ORDER_NOTES_VERSION', '2.4.1' );

require_once __DIR__ . '/includes/class-acme-order-notes.php';
