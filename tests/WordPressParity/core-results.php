<?php
/**
 * Runs WordPress core's own PHP over the parity corpus and prints what core decides, as JSON.
 *
 * Usage: php core-results.php <manifest.json> <wordpress-dir>
 *
 * Nothing of core is copied: the files of Debian's `wordpress` package are `require`d from <wordpress-dir> with the
 * smallest bootstrap they need (no database, no web server). The only stand-ins are environment, never logic under test:
 * the options cache holds blog_charset = UTF-8 (what esc_html() reads), and $wp_filesystem is a stub whose
 * wp_content_dir() is WP_CONTENT_DIR (check_package() only uses it to map paths).
 *
 * Bytes that core returns are base64-encoded: header values need not be valid UTF-8.
 *
 * Optionally (manifest "readmeParser", the path of a checkout's plugin-directory/readme/class-parser.php, which is not part
 * of this repository) the WordPress.org readme parser reads the readme cases too. Its one stand-in is get_user_by(), for
 * WordPress.org's user table: every non-empty name is a user whose slug is the name in lower case.
 */

if ( $argc !== 3 ) {
	fwrite( STDERR, "usage: php core-results.php <manifest.json> <wordpress-dir>\n" );
	exit( 2 );
}

$manifest = json_decode( file_get_contents( $argv[1] ), true, 512, JSON_THROW_ON_ERROR );

define( 'ABSPATH', rtrim( $argv[2], '/' ) . '/' );
define( 'WPINC', 'wp-includes' );
define( 'WP_CONTENT_DIR', $manifest['contentDir'] );
define( 'WP_PLUGIN_DIR', $manifest['contentDir'] . '/plugins' );
define( 'WPMU_PLUGIN_DIR', $manifest['contentDir'] . '/mu-plugins' );

// Any notice or warning from core is a harness error, not noise.
set_error_handler(
	static function ( $severity, $message, $file, $line ) {
		throw new ErrorException( $message, 0, $severity, $file, $line );
	}
);

require ABSPATH . WPINC . '/version.php';
require ABSPATH . WPINC . '/load.php';
require ABSPATH . WPINC . '/default-constants.php';
require ABSPATH . WPINC . '/plugin.php';
wp_initial_constants();
require ABSPATH . WPINC . '/class-wp-object-cache.php';
require ABSPATH . WPINC . '/cache.php';
wp_cache_init();
require ABSPATH . WPINC . '/functions.php';
require ABSPATH . WPINC . '/formatting.php';
require ABSPATH . WPINC . '/kses.php';
require ABSPATH . WPINC . '/class-wp-error.php';
require ABSPATH . WPINC . '/l10n.php';
require ABSPATH . WPINC . '/pomo/translations.php';
require ABSPATH . 'wp-admin/includes/plugin.php';
require ABSPATH . 'wp-admin/includes/class-wp-upgrader.php';

wp_cache_set( 'alloptions', array( 'blog_charset' => 'UTF-8' ), 'options' );
$GLOBALS['wp_plugin_paths'] = array();
$GLOBALS['wp_filesystem']   = new class() {
	public function wp_content_dir() {
		return trailingslashit( WP_CONTENT_DIR );
	}
};

$results = array(
	'wordpress'   => $wp_version,
	'php'         => PHP_VERSION,
	'headerFiles' => array(),
	'plugins'     => array(),
	'names'       => array(),
);

// get_file_data() with our header names, and get_plugin_data( $file, false, false )['Name'].
$header_map = array_combine( $manifest['headerNames'], $manifest['headerNames'] );
foreach ( $manifest['headerFiles'] as $case ) {
	$values = get_file_data( $case['path'], $header_map );
	$data   = get_plugin_data( $case['path'], false, false );

	$results['headerFiles'][ $case['id'] ] = array(
		'headers'  => array_map( 'base64_encode', $values ),
		'name'     => base64_encode( $data['Name'] ),
		'isPlugin' => ! empty( $data['Name'] ),
	);
}

// A plugin folder as Plugin_Upgrader leaves it after unpacking the ZIP: check_package() says whether WordPress installs
// it; get_plugins( '/slug' ), sorted by core, says which file plugin_info() activates.
foreach ( $manifest['plugins'] as $case ) {
	$upgrader = new Plugin_Upgrader();
	$upgrader->generic_strings();
	$upgrader->install_strings();
	$checked = $upgrader->check_package( WP_PLUGIN_DIR . '/' . $case['slug'] . '/' );

	$upgrader->result = array( 'destination_name' => $case['slug'] );
	$plugin_info      = $upgrader->plugin_info();

	$top_level = array_filter( get_plugins( '/' . $case['slug'] ), static fn( $file ) => false === strpos( $file, '/' ), ARRAY_FILTER_USE_KEY );
	$names     = array_column( $top_level, 'Name' );
	$main      = $top_level ? $case['slug'] . '/' . array_key_first( $top_level ) : null;
	$version   = $main ? get_plugin_data( WP_PLUGIN_DIR . '/' . $main, false, false )['Version'] : '';

	$results['plugins'][ $case['id'] ] = array(
		'installable' => ! is_wp_error( $checked ),
		'error'       => is_wp_error( $checked ) ? $checked->get_error_code() : null,
		'pluginInfo'  => $plugin_info ? $plugin_info : null,
		'mainFile'    => $main,
		// Equal first names: WordPress keeps directory order, which the file system decides.
		'tie'         => count( $names ) > 1 && 0 === strnatcasecmp( $names[0], $names[1] ),
		'version'     => base64_encode( $version ),
	);
}

// The readme parser's name: sanitize_text( trim( $line, "#= \t\0\x0B" ) ), sanitize_text() being PHP's strip_tags(),
// then core's esc_html(), then trim().
foreach ( $manifest['names'] as $case ) {
	$line = base64_decode( $case['line'] );

	$results['names'][ $case['id'] ] = base64_encode( trim( esc_html( strip_tags( trim( $line, "#= \t\0\x0B" ) ) ) ) );
}

if ( ! empty( $manifest['readmeParser'] ) ) {
	function get_user_by( $field, $value ) {
		return '' === $value ? false : (object) array( 'user_nicename' => strtolower( $value ) );
	}

	require $manifest['readmeParser'];
	$results['readmes'] = array();
	foreach ( $manifest['readmes'] as $case ) {
		$parser = new WordPressdotorg\Plugin_Directory\Readme\Parser( $case['path'] );
		$fields = array();
		foreach ( array( 'name', 'requires', 'tested', 'requires_php', 'stable_tag', 'donate_link', 'license', 'license_uri' ) as $field ) {
			$fields[ $field ] = base64_encode( (string) $parser->$field );
		}
		foreach ( array( 'tags', 'contributors' ) as $field ) {
			$fields[ $field ] = array_map( 'base64_encode', array_values( $parser->$field ) );
		}
		$results['readmes'][ $case['id'] ] = $fields;
	}
}

echo json_encode( $results, JSON_PRETTY_PRINT | JSON_THROW_ON_ERROR ), "\n";
