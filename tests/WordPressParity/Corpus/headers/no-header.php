<?php
/**
 * Uninstall routine: not a plugin file.
 *
 * @package Acme_Order_Notes
 */

if ( ! defined( 'WP_UNINSTALL_PLUGIN' ) ) {
	exit;
}

delete_option( 'acme_order_notes' );
