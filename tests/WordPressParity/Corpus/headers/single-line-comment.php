<?php /* Plugin Name: One Liner */ /* Version: 0.1.0 */
// Description: Everything on the first lines, comments closed on the same line.
// Author: Compact Co ?> and more text after the closing tag
