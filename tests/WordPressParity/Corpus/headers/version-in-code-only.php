<?php
/*
 * Plugin Name: Version Constant Only
 * Description: Keeps its version in a constant, not in the header.
 */
define( 'VCO_VERSION', '4.4.4' );
$config = array(
	'Version' => '9.9.9', // not a header: the line does not start with a header prefix
);
