<?php
/**
 * @package Tiny_Quotes
 * @version 1.7.2
 */
/*
Plugin Name: Tiny Quotes
Plugin URI: http://example.org/tiny-quotes/
Description: Shows a random line from a song in the admin bar. Nothing more.
Author: Jane Example
Version: 1.7.2
Author URI: http://example.org/jane/
*/

function tiny_quotes_get_line() {
	$lines = array( 'One', 'Two', 'Three' );
	return wptexturize( $lines[ mt_rand( 0, count( $lines ) - 1 ) ] );
}
