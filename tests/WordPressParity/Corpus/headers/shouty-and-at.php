<?php
/**
 * @PLUGIN NAME: Shouty Names
 * @Version: 7.0
 * @author: at-prefixed
 * DESCRIPTION: Upper-case header names are matched too.
 */
